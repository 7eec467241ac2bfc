/** Pure Java engine: knows nothing of Spring or the database. */
package jp.kenpo.privacy.anonymizer;
