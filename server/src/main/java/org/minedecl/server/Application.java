package org.minedecl.server;

import io.micronaut.runtime.Micronaut;

/** Starts the minedecl server (矿山季度合规申报 服务端). */
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
