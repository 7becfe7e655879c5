package org.minedecl.server.submission;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;

/** The API on the embedded H2 database in the data directory (the default). */
@MicronautTest(transactional = false)
class SubmissionApiH2Test extends SubmissionApiContract {
    @Override
    public Map<String, String> getProperties() {
        return commonProperties();
    }
}
