/** Benchmarks: JMH and end-to-end, started by {@code bench/run}. */
package jp.kenpo.privacy.bench;
