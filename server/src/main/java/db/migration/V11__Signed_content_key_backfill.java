package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.minedecl.server.submission.SignedContentKeyBackfill;

/**
 * Gives the submissions stored before V10 their signed-content key, so that a re-zipped or re-encoded copy of an
 * old filing is answered with its receipt too (Flyway finds Java migrations in this package, beside the SQL ones).
 */
public class V11__Signed_content_key_backfill extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        SignedContentKeyBackfill.Result r = SignedContentKeyBackfill.run(context.getConnection());
        org.slf4j.LoggerFactory.getLogger(V11__Signed_content_key_backfill.class).info(
                "signed-content keys given to {} earlier submissions ({} left without: {} unreadable, {} copies of an "
                        + "earlier filing)", r.keyed(), r.unreadable() + r.duplicates(), r.unreadable(), r.duplicates());
    }
}
