package org.minedecl.server.demo;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import org.minedecl.shared.declaration.Period;

/**
 * {@code java -jar minedecl-server.jar demo [--seed N] [--quarters N] [--from 2025Q1] [--as-of YYYY-MM-DD]}: loads
 * the demo county into the server's database (the same settings as the server: {@code MINEDECL_DATA_DIR},
 * {@code DATASOURCES_DEFAULT_URL}, ...) and trusts its demo CA; {@code --bulk N} inserts N generated submissions
 * directly instead, for benchmarks. Messages in Chinese or English by the default locale.
 */
public final class DemoCommand {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final ResourceBundle MESSAGES = ResourceBundle.getBundle("org.minedecl.server.demo.Messages");

    private DemoCommand() {
    }

    /** The options; {@code asOf} is the day the data ends (today by default). */
    record Options(long seed, int quarters, Period from, LocalDate asOf, long bulk) {
        static Options parse(String[] args, LocalDate today) {
            long seed = 20201231L;
            int quarters = 7;
            Period from = null;
            LocalDate asOf = today;
            long bulk = 0;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(msg("usage"));
                }
                String v = args[++i];
                switch (a) {
                    case "--seed" -> seed = Long.parseLong(v);
                    case "--quarters" -> quarters = Integer.parseInt(v);
                    case "--from" -> from = Period.parse(v).orElseThrow(() -> new IllegalArgumentException(
                            msg("badPeriod", v)));
                    case "--as-of" -> asOf = LocalDate.parse(v);
                    case "--bulk" -> bulk = Long.parseLong(v);
                    default -> throw new IllegalArgumentException(msg("usage"));
                }
            }
            if (quarters < 1 || quarters > 40 || bulk < 0) {
                throw new IllegalArgumentException(msg("usage"));
            }
            if (from == null) {
                // the last quarter whose deadline is over, and the ones before it
                Period last = Period.containing(asOf).previous();
                if (!DemoFilings.deadline(last).isBefore(asOf)) {
                    last = last.previous();
                }
                from = last;
                for (int q = 1; q < quarters; q++) {
                    from = from.previous();
                }
            }
            return new Options(seed, quarters, from, asOf, bulk);
        }
    }

    /** @return the process exit code */
    public static int run(String[] args) {
        Options o;
        try {
            o = Options.parse(args, LocalDate.now(ZONE));
        } catch (RuntimeException e) {
            System.err.println(e.getMessage() == null ? msg("usage") : e.getMessage());
            return 2;
        }
        try (ApplicationContext ctx = ApplicationContext.builder().environments(DemoClock.ENVIRONMENT).start()) {
            if (o.bulk() > 0) {
                BulkLoader.Result r = ctx.getBean(BulkLoader.class).load(o.seed(), o.bulk(), o.from(), o.quarters());
                System.out.println(msg("bulkDone", r.submissions(), r.mines(), r.seconds()));
                return 0;
            }
            Instant endOfDay = o.asOf().plusDays(1).atStartOfDay(ZONE).toInstant().minusSeconds(1);
            Instant asOf = endOfDay.isAfter(Instant.now()) ? Instant.now() : endOfDay;
            Path work = Files.createTempDirectory("minedecl-demo");
            DemoLoader.Report r = ctx.getBean(DemoLoader.class).load(o.seed(), o.from(), o.quarters(), asOf, work);
            print(r);
            return r.refused().isEmpty() ? 0 : 1;
        } catch (Exception e) {
            System.err.println(msg("failed", e.getMessage()));
            return 1;
        }
    }

    private static void print(DemoLoader.Report r) {
        Map<String, Integer> byDistrict = new TreeMap<>();
        Map<String, Integer> byMineral = new TreeMap<>();
        long below = 0;
        for (ShuozhouMines.Mine m : r.mines()) {
            byDistrict.merge(m.district().name() + " " + m.district().code(), 1, Integer::sum);
            byMineral.merge(m.mineral().name(), 1, Integer::sum);
            below += m.belowMinimum() ? 1 : 0;
        }
        System.out.println(msg("mines", r.mines().size(), below));
        System.out.println("  " + byDistrict);
        System.out.println("  " + byMineral);
        System.out.println(msg("quarterHeader"));
        r.perQuarter().forEach((q, c) -> System.out.println(msg("quarter", q, c[0], c[1], c[2], c[3], c[4])));
        if (r.alreadyLoaded() > 0) {
            System.out.println(msg("already", r.alreadyLoaded()));
        }
        for (String s : r.refused()) {
            System.out.println(msg("refused", s));
        }
    }

    static String msg(String key, Object... args) {
        return new MessageFormat(MESSAGES.getString(key), MESSAGES.getLocale()).format(args);
    }
}
