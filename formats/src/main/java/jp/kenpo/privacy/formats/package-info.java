/**
 * Pure Java engine for the files a health insurance society receives: receipts (レセ電) and
 * specific health checkups (特定健診), and a synthetic population written in both. Knows nothing
 * of Spring or the database.
 */
package jp.kenpo.privacy.formats;
