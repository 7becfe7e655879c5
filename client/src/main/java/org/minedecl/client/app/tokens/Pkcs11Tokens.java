package org.minedecl.client.app.tokens;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.minedecl.client.app.support.ClientErrors;
import org.xipki.pkcs11.wrapper.ModuleInfo;
import org.xipki.pkcs11.wrapper.PKCS11Constants;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.PKCS11Module;
import org.xipki.pkcs11.wrapper.Slot;
import org.xipki.pkcs11.wrapper.SlotInfo;
import org.xipki.pkcs11.wrapper.TokenInfo;

/**
 * PKCS#11 tokens (USB keys) as the user sees them: the one place in the client that talks to a token's library
 * directly (through {@code org.xipki:ipkcs11wrapper}), for what SunPKCS11 does not give - every slot of every
 * library, the token's label and serial, and the user PIN's flags ({@link PinInfo}). Signing itself goes through
 * SunPKCS11 ({@link TokenRef#signerSource}). Other code that needs the token directly (e.g. batch signing's
 * CKA_ALWAYS_AUTHENTICATE) uses {@link #withModule} rather than loading the library a second way.
 *
 * <p>Every call into a library runs on a worker with a time limit: a hanging driver (a known failure of some USB
 * key drivers when the key is pulled mid-call) is reported as {@link LibraryProblem.Kind#TIMED_OUT} and the search
 * goes on with the other libraries; later searches skip it while its call still hangs. A library is initialised
 * once per process and never finalised: SunPKCS11 shares its state in the same process.
 */
public final class Pkcs11Tokens {
    /** How long one library may take to list its slots before the search goes on without it. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(10);
    /** Extra libraries to search, separated by the path separator (also a setting of the desktop). */
    public static final String LIBRARY_ENV = "MINEDECL_PKCS11_LIBRARY";

    /** Where common PKCS#11 libraries are installed; only those that exist are searched. */
    private static final List<String> WELL_KNOWN = List.of(
            "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so", "/usr/lib/aarch64-linux-gnu/opensc-pkcs11.so",
            "/usr/lib/opensc-pkcs11.so", "/usr/local/lib/opensc-pkcs11.so", "/Library/OpenSC/lib/opensc-pkcs11.so",
            "C:\\Windows\\System32\\opensc-pkcs11.dll",
            "/usr/lib/libeTPkcs11.so", "C:\\Windows\\System32\\eTPKCS11.dll",
            "/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
            "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so", "/usr/local/lib/softhsm/libsofthsm2.so");

    /** Reads the tokens of one library (the real one calls the driver; tests stand in). */
    @FunctionalInterface
    interface LibraryReader {
        List<TokenRef> read(Path library) throws Exception;
    }

    /** Work on a library's module, for {@link #withModule}. */
    @FunctionalInterface
    public interface ModuleWork<T> {
        T run(PKCS11Module module) throws Exception;
    }

    /** The library could not be used within the time limit, or failed; the message is technical. */
    public static final class TokenAccessException extends Exception {
        private final LibraryProblem problem;

        TokenAccessException(LibraryProblem problem, Throwable cause) {
            super(problem.detail(), cause);
            this.problem = problem;
        }

        public LibraryProblem problem() {
            return problem;
        }
    }

    private static final Map<Path, PKCS11Module> MODULES = new ConcurrentHashMap<>();
    private static final Map<Path, Future<?>> HANGING = new ConcurrentHashMap<>();
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "minedecl-pkcs11");
        t.setDaemon(true); // a hanging driver must not keep the client from exiting
        return t;
    });

    private final Duration timeLimit;
    private final LibraryReader reader;

    public Pkcs11Tokens(Duration timeLimit) {
        this(timeLimit, Pkcs11Tokens::readLibrary);
    }

    Pkcs11Tokens(Duration timeLimit, LibraryReader reader) {
        this.timeLimit = timeLimit;
        this.reader = reader;
    }

    /** The tokens found and the libraries that could not be searched. */
    public record Discovery(List<TokenRef> tokens, List<LibraryProblem> problems) {
        public Discovery {
            tokens = List.copyOf(tokens);
            problems = List.copyOf(problems);
        }
    }

    /** The libraries to search: those named in {@value #LIBRARY_ENV}, then the well-known ones that exist. */
    public static List<Path> candidateLibraries() {
        Set<Path> out = new LinkedHashSet<>();
        String env = System.getenv(LIBRARY_ENV);
        if (env != null) {
            for (String p : env.split(java.io.File.pathSeparator)) {
                if (!p.isBlank()) {
                    out.add(Path.of(p.strip()));
                }
            }
        }
        for (String p : WELL_KNOWN) {
            try {
                Path path = Path.of(p);
                if (Files.isRegularFile(path)) {
                    out.add(path);
                }
            } catch (RuntimeException notAPathHere) {
                // a Windows path on Linux or the reverse
            }
        }
        return List.copyOf(out);
    }

    /** Searches every slot of the {@link #candidateLibraries()}. */
    public Discovery discover() {
        return discover(candidateLibraries());
    }

    /**
     * Searches every slot with a token of every library given, each library within the time limit; "search
     * again" is another call. Libraries run one after another on a worker, so a slow one delays the search by at
     * most the time limit.
     */
    public Discovery discover(List<Path> libraries) {
        List<TokenRef> tokens = new ArrayList<>();
        List<LibraryProblem> problems = new ArrayList<>();
        for (Path library : new LinkedHashSet<>(libraries)) {
            if (!Files.isRegularFile(library)) {
                problems.add(new LibraryProblem(library, LibraryProblem.Kind.NOT_FOUND, "no such file"));
                continue;
            }
            try {
                tokens.addAll(call(library, () -> reader.read(library)));
            } catch (TokenAccessException e) {
                problems.add(e.problem());
            }
        }
        return new Discovery(tokens, problems);
    }

    /** The token in the same library and slot, read again (e.g. its PIN flags after a wrong PIN); empty when gone. */
    public Optional<TokenRef> refresh(TokenRef token) throws TokenAccessException {
        List<TokenRef> now = call(token.library(), () -> reader.read(token.library()));
        return now.stream().filter(t -> t.slotId() == token.slotId()
                && t.serialNumber().equals(token.serialNumber())).findFirst();
    }

    /**
     * The token a SunPKCS11 configuration file names ({@code library} and {@code slot}; {@code slotListIndex} and
     * a missing slot mean the list's position), for the CLI's {@code --pkcs11 CONFIG}. Empty when the file names
     * no library or the slot has no token.
     */
    public Optional<TokenRef> tokenOf(Path sunPkcs11Config) throws IOException, TokenAccessException {
        String text = Files.readString(sunPkcs11Config, StandardCharsets.UTF_8);
        Optional<String> library = setting(text, "library");
        if (library.isEmpty()) {
            return Optional.empty();
        }
        Path lib = Path.of(library.get());
        List<TokenRef> all = call(lib, () -> reader.read(lib));
        Optional<String> slot = setting(text, "slot");
        if (slot.isPresent()) {
            long id = Long.parseLong(slot.get());
            return all.stream().filter(t -> t.slotId() == id).findFirst();
        }
        int index = Integer.parseInt(setting(text, "slotListIndex").orElse("0"));
        return index < all.size() ? Optional.of(all.get(index)) : Optional.empty();
    }

    /**
     * Runs {@code work} on the library's module (initialised once per process), within the time limit: the one
     * way into a PKCS#11 library besides SunPKCS11. Do not finalise the module.
     */
    public <T> T withModule(Path library, ModuleWork<T> work) throws TokenAccessException {
        return call(library, () -> work.run(module(library)));
    }

    /** The library's own description and version, for the diagnostics; empty when it cannot be read in time. */
    public Optional<String> describeLibrary(Path library) {
        try {
            return Optional.of(withModule(library, m -> {
                // not m.getInfo(): the wrapper keeps that only when its own C_Initialize ran, and SunPKCS11 may
                // have initialised the library first
                ModuleInfo info = new ModuleInfo(m.getPKCS11Module().C_GetInfo());
                return info.getManufacturerID().strip() + " " + info.getLibraryDescription().strip() + " "
                        + info.getLibraryVersion() + ", Cryptoki " + info.getCryptokiVersion();
            }));
        } catch (TokenAccessException e) {
            return Optional.empty();
        }
    }

    private <T> T call(Path library, java.util.concurrent.Callable<T> work) throws TokenAccessException {
        Path key = library.toAbsolutePath().normalize();
        Future<?> hanging = HANGING.get(key);
        if (hanging != null) {
            if (!hanging.isDone()) {
                throw new TokenAccessException(new LibraryProblem(library, LibraryProblem.Kind.TIMED_OUT,
                        "an earlier call into this library has not returned yet"), null);
            }
            HANGING.remove(key, hanging);
        }
        Future<T> f = WORKERS.submit(work);
        try {
            return f.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            HANGING.put(key, f);
            throw new TokenAccessException(new LibraryProblem(library, LibraryProblem.Kind.TIMED_OUT,
                    "no answer within " + timeLimit.toMillis() + " ms"), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new TokenAccessException(new LibraryProblem(library, LibraryProblem.Kind.FAILED,
                    ClientErrors.technical(cause)), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenAccessException(new LibraryProblem(library, LibraryProblem.Kind.TIMED_OUT,
                    "interrupted"), e);
        }
    }

    private static PKCS11Module module(Path library) throws IOException, PKCS11Exception {
        Path key = library.toAbsolutePath().normalize();
        PKCS11Module m = MODULES.get(key);
        if (m != null) {
            return m;
        }
        synchronized (MODULES) {
            m = MODULES.get(key);
            if (m == null) {
                m = PKCS11Module.getInstance(key.toString());
                try {
                    m.initialize();
                } catch (PKCS11Exception e) {
                    // SunPKCS11 may have initialised the same library in this process already
                    if (e.getErrorCode() != PKCS11Constants.CKR_CRYPTOKI_ALREADY_INITIALIZED) {
                        throw e;
                    }
                }
                MODULES.put(key, m);
            }
            return m;
        }
    }

    /** Every initialised token in a slot of the library. */
    private static List<TokenRef> readLibrary(Path library) throws Exception {
        PKCS11Module m = module(library);
        List<TokenRef> out = new ArrayList<>();
        for (Slot slot : m.getSlotList(true)) {
            TokenInfo t;
            String description;
            try {
                SlotInfo si = slot.getSlotInfo();
                description = si.getSlotDescription().strip();
                t = slot.getToken().getTokenInfo();
            } catch (PKCS11Exception removedMeanwhile) {
                continue;
            }
            if (!t.isTokenInitialized()) {
                continue; // an empty slot of a soft token, or a blank card: nothing to sign with
            }
            out.add(new TokenRef(library, slot.getSlotID(), description, t.getLabel().strip(),
                    t.getManufacturerID().strip(), t.getModel().strip(), t.getSerialNumber().strip(),
                    PinInfo.fromFlags(t.getFlags(), t.getMinPinLen(), t.getMaxPinLen())));
        }
        return out;
    }

    private static Optional<String> setting(String config, String name) {
        Matcher m = Pattern.compile("(?m)^\\s*" + name + "\\s*=\\s*(.+?)\\s*$").matcher(config);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
