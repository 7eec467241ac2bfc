package jp.kenpo.privacy.anonymizer.search;

/**
 * A snapshot of the table at one lattice node: its distinct (equivalence class, sensitive
 * values) combinations with their record counts. Any coarser node can be grouped from these
 * cells instead of from the rows, because each level of a hierarchy is a function of the level
 * below: the cells of a fine node roll up into those of a coarse one.
 */
final class Cells {

    final int[] levels;
    final int size;
    final int[][] rep; // [quasi-identifier][cell] value code of one record of the cell
    final int[] tuple; // [cell] sensitive value tuple, null when no model reads sensitive values
    final int[] count; // [cell] records

    Cells(int[] levels, int size, int[][] rep, int[] tuple, int[] count) {
        this.levels = levels;
        this.size = size;
        this.rep = rep;
        this.tuple = tuple;
        this.count = count;
    }
}
