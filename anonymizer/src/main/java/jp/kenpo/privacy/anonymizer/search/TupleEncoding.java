package jp.kenpo.privacy.anonymizer.search;

/**
 * Numbers the combinations of sensitive values that occur, so that a cell carries one int for
 * all sensitive columns however many there are.
 */
record TupleEncoding(int[] rowTuple, int[][] tupleValues) {

    static TupleEncoding of(SensitiveColumn[] columns, int rows) {
        if (columns.length == 1) {
            int[] codes = columns[0].rows();
            int[] identity = new int[columns[0].values().distinctValues()];
            for (int i = 0; i < identity.length; i++) {
                identity[i] = i;
            }
            return new TupleEncoding(codes, new int[][] {identity});
        }
        long[] keys = new long[rows];
        long space = 1;
        int[] ids = new int[rows];
        DenseIds dense = new DenseIds();
        for (SensitiveColumn column : columns) {
            int size = column.values().distinctValues();
            if (space > Long.MAX_VALUE / size / 2) {
                space = dense.assign(keys, rows, space, ids);
                for (int row = 0; row < rows; row++) {
                    keys[row] = ids[row];
                }
            }
            int[] codes = column.rows();
            for (int row = 0; row < rows; row++) {
                keys[row] = keys[row] * size + codes[row];
            }
            space *= size;
        }
        int tuples = dense.assign(keys, rows, space, ids);
        int[][] values = new int[columns.length][tuples];
        for (int row = 0; row < rows; row++) {
            for (int s = 0; s < columns.length; s++) {
                values[s][ids[row]] = columns[s].rows()[row];
            }
        }
        return new TupleEncoding(ids, values);
    }
}
