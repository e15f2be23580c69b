package io.servesim.study;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * Compares study tables cell by cell (column names and every value, NaN equal to NaN). Shared with library/spark's
 * tests through the library's test-jar.
 */
public final class StudyTables {
    private StudyTables() {
    }

    /** Returns the header and every row as lists of values, for equality assertions. */
    public static List<List<Object>> rows(Table t) {
        List<List<Object>> out = new ArrayList<>();
        out.add(new ArrayList<>(t.columnNames()));
        for (int r = 0; r < t.rowCount(); r++) {
            List<Object> row = new ArrayList<>();
            for (var c : t.columns()) {
                Object v = c.get(r);
                row.add(v instanceof Double d && d.isNaN() ? "NaN" : v);
            }
            out.add(row);
        }
        return out;
    }
}
