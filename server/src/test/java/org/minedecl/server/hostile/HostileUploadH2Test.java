package org.minedecl.server.hostile;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;

/** The hostile uploads against the embedded H2 database. */
@MicronautTest(transactional = false)
class HostileUploadH2Test extends HostileUploadContract {
    @Override
    public Map<String, String> getProperties() {
        return commonProperties();
    }
}
