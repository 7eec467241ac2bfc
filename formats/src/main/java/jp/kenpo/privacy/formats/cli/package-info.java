/** picocli commands: {@code generate}, {@code claims inspect}, {@code checkups inspect}. */
package jp.kenpo.privacy.formats.cli;
