package org.minedecl.server;

import io.micronaut.runtime.Micronaut;

/** Starts the minedecl server (矿山季度合规申报 服务端); {@code demo} as the first argument loads demo data instead. */
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        // Without this the JDK keeps, per thread, a direct buffer as large as the largest write it ever made
        // (H2 writes a 20 MB package chunk at once): under concurrent large uploads that exhausts direct memory.
        if (System.getProperty("jdk.nio.maxCachedBufferSize") == null) {
            System.setProperty("jdk.nio.maxCachedBufferSize", "262144");
        }
        if (args.length > 0 && "demo".equals(args[0])) {
            // java -jar minedecl-server.jar demo ...: load the demo county (or --bulk N rows) and exit
            System.exit(org.minedecl.server.demo.DemoCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        Micronaut.run(Application.class, args);
    }
}
