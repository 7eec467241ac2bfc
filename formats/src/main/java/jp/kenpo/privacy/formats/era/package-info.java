/** Japanese-era (和暦) and Western dates as the receipt spec records them. */
package jp.kenpo.privacy.formats.era;
