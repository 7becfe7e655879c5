package org.minedecl.server.review;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;

/** Review on the embedded H2 database. */
@MicronautTest(transactional = false)
class ReviewApiH2Test extends ReviewApiContract {
    @Override
    public Map<String, String> getProperties() {
        return commonProperties();
    }
}
