package org.minedecl.server.access;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;

/** The access matrix on the embedded H2 database. */
@MicronautTest(transactional = false)
class AccessMatrixH2Test extends AccessMatrixContract {
    @Override
    public Map<String, String> getProperties() {
        return commonProperties();
    }
}
