package org.minedecl.server.demo;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.minedecl.server.config.ServerSettings;
import org.minedecl.server.problem.ProblemException;
import org.minedecl.server.submission.SubmissionService;
import org.minedecl.server.submission.UploadSpooler;
import org.minedecl.shared.declaration.Period;
import org.minedecl.shared.pkg.PackageAttachment;
import org.minedecl.shared.pkg.PackageProgressListener;
import org.minedecl.shared.pkg.PackageWriter;
import org.minedecl.shared.signature.SigningCredential;

/**
 * Loads the demo county through the real upload path: every filing is signed into an ASiC-E package with its
 * enterprise's demo certificate at its signing time, and handed to {@link SubmissionService} as an upload received
 * at its receipt time (the {@link DemoClock}): the same checks, rules, receipts and storage as any upload.
 */
@Singleton
@Requires(env = DemoClock.ENVIRONMENT)
public class DemoLoader {
    private final SubmissionService submissions;
    private final UploadSpooler spooler;
    private final DemoClock clock;
    private final ServerSettings settings;

    public DemoLoader(SubmissionService submissions, UploadSpooler spooler, DemoClock clock, ServerSettings settings) {
        this.submissions = submissions;
        this.spooler = spooler;
        this.clock = clock;
        this.settings = settings;
    }

    /** What was loaded: per quarter, accepted, flagged, late and missing filings; and refusals (should be none). */
    public record Report(List<ShuozhouMines.Mine> mines, Map<String, int[]> perQuarter, int alreadyLoaded,
                         List<String> refused) {
        /** Column names of {@link #perQuarter}'s arrays. */
        public static final List<String> COLUMNS = List.of("filed", "flagged", "late", "missing", "shortfall");
    }

    /**
     * Loads {@code quarters} quarters from {@code first}, filings received up to {@code asOf}.
     *
     * @param work a directory for the packages being signed (emptied as it goes)
     */
    public Report load(long seed, Period first, int quarters, Instant asOf, Path work) {
        List<ShuozhouMines.Mine> mines = ShuozhouMines.generate(seed);
        Instant from = first.start().minusYears(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        DemoPki pki = new DemoPki(from, asOf.plus(java.time.Duration.ofDays(3650)));
        pki.install(settings.trustPath());
        waitForTrustStore();
        Map<String, SigningCredential> credentials = new HashMap<>();
        DemoFilings plan = new DemoFilings(mines, seed, first, quarters);
        Map<String, int[]> perQuarter = new LinkedHashMap<>();
        List<String> refused = new ArrayList<>();
        int already = 0;
        try {
            Files.createDirectories(work);
            Path licence = Files.writeString(work.resolve("mining-licence.pdf"), "%PDF-1.4 采矿许可证扫描件（演示）\n",
                    StandardCharsets.UTF_8);
            Period p = first;
            for (int q = 0; q < quarters; q++, p = DemoFilings.next(p)) {
                Path slip = Files.writeString(work.resolve(DemoFilings.depositSlip(p)), "%PDF-1.4 基金存入凭证（演示）"
                        + p + "\n", StandardCharsets.UTF_8);
                List<PackageAttachment> attachments = List.of(PackageAttachment.of(licence), PackageAttachment.of(slip));
                int[] counts = new int[Report.COLUMNS.size()];
                List<DemoFilings.Filing> filings = plan.quarter(p, asOf);
                counts[3] = mines.size() - filings.size();
                for (DemoFilings.Filing f : filings) {
                    SigningCredential c = credentials.computeIfAbsent(f.mine().uscc(),
                            u -> pki.enterprise(u, f.mine().enterprise()));
                    Path pkg = work.resolve("filing.asice");
                    new PackageWriter(Clock.fixed(f.signedAt(), ZoneOffset.UTC)).write(f.declarationJson(), attachments,
                            c, null, pkg, PackageProgressListener.NONE);
                    clock.set(f.receivedAt());
                    try (InputStream in = Files.newInputStream(pkg); UploadSpooler.Spooled upload = spooler.spool(in)) {
                        SubmissionService.Outcome o = submissions.submit(upload, "demo", null);
                        if (!o.created()) {
                            already++;
                            continue;
                        }
                        counts[0]++;
                        counts[1] += "FLAGGED".equals(o.receipt().status().name()) ? 1 : 0;
                        counts[2] += f.outcome() == DemoFilings.Outcome.LATE ? 1 : 0;
                        counts[4] += f.shortfall() ? 1 : 0;
                    } catch (ProblemException e) {
                        if ("PERIOD_ALREADY_FILED".equals(e.problem().code())) {
                            already++;
                        } else {
                            refused.add(p + " " + f.mine().licence() + ": " + e.problem().code() + " "
                                    + e.problem().detail());
                        }
                    } finally {
                        Files.deleteIfExists(pkg);
                    }
                }
                perQuarter.put(p.toString(), counts);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (org.minedecl.shared.signature.SignerException e) {
            throw new IllegalStateException("signing a demo package: " + e.getMessage(), e);
        } finally {
            clock.set(Instant.now());
        }
        return new Report(mines, perQuarter, already, refused);
    }

    /** The trust store looks at its folder again at most once a second. */
    private static void waitForTrustStore() {
        try {
            Thread.sleep(1100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
