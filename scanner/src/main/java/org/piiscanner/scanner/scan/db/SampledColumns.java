package org.piiscanner.scanner.scan.db;

import java.util.ArrayList;
import java.util.List;
import org.piiscanner.scanner.report.CoverageContributor;
import org.piiscanner.scanner.report.CoverageNote;
import org.piiscanner.scanner.store.ScanRun;
import org.piiscanner.scanner.store.Source;
import org.springframework.stereotype.Component;

/**
 * Tells reports which column verdicts were drawn from a sample of their table's rows: a {@code SAMPLED} note per
 * column not read in full whose sample did not cover every row, e.g. {@code crm.customers.notes},
 * {@code 1,000 of 2,300,000 rows sampled, seed 42}. Reads the database scan's tables only; no values.
 */
@Component
public class SampledColumns implements CoverageContributor {

    private final DbScanStore dbStore;

    SampledColumns(DbScanStore dbStore) {
        this.dbStore = dbStore;
    }

    @Override
    public List<CoverageNote> notes(Source source, ScanRun run) {
        List<CoverageNote> out = new ArrayList<>();
        for (ColumnVerdictRow v : dbStore.verdicts(run.id(), source.id())) {
            if (!v.scanned() && v.sampledRows() < v.totalRows()) {
                out.add(new CoverageNote(v.display() + "." + v.column(), "SAMPLED", String.format(
                        java.util.Locale.ROOT, "%,d of %,d rows, seed %d", v.sampledRows(), v.totalRows(),
                        v.seed())));
            }
        }
        return out;
    }
}
