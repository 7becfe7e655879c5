package org.minedecl.server.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.minedecl.shared.declaration.MineStatus;
import org.minedecl.shared.declaration.Period;

/**
 * The filings of the demo county, quarter after quarter: who files, when, and what. Each mine has a habit - most
 * file on time and in full; some are sloppy (late now and then, a deposit short, a quarter skipped); a few stop
 * filing for good - and the declarations carry each mine's fund balance and restoration from one quarter to the
 * next, as real ones do. Deterministic for a seed.
 */
public final class DemoFilings {
    /** How a mine files. */
    public enum Habit { DILIGENT, SLOPPY, DROPS_OUT }

    /** What happens to one mine in one quarter. */
    public enum Outcome { ON_TIME, LATE, MISSING }

    /** One planned filing: the declaration, and when it is signed and received. */
    public record Filing(ShuozhouMines.Mine mine, Period period, Outcome outcome, boolean shortfall,
                         Instant signedAt, Instant receivedAt, byte[] declarationJson) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final int DEADLINE_DAYS = 15;
    private final List<ShuozhouMines.Mine> mines;
    private final Random random;
    private final Map<Integer, Habit> habits = new HashMap<>();
    private final Map<Integer, Period> dropsOutFrom = new HashMap<>();
    /** Per mine: the fund's closing balance and the restored area of its last filing. */
    private final Map<Integer, BigDecimal[]> carried = new HashMap<>();

    public DemoFilings(List<ShuozhouMines.Mine> mines, long seed, Period first, int quarters) {
        this.mines = mines;
        this.random = new Random(seed ^ 0x5DEECE66DL);
        for (ShuozhouMines.Mine m : mines) {
            int roll = random.nextInt(100);
            Habit h = roll < 78 ? Habit.DILIGENT : roll < 95 ? Habit.SLOPPY : Habit.DROPS_OUT;
            habits.put(m.no(), h);
            if (h == Habit.DROPS_OUT) {
                Period p = first;
                for (int i = 1 + random.nextInt(Math.max(1, quarters - 1)); i > 0; i--) {
                    p = next(p);
                }
                dropsOutFrom.put(m.no(), p);
            }
            BigDecimal opening = m.designScale().multiply(new BigDecimal(20000)).setScale(2, RoundingMode.HALF_UP);
            carried.put(m.no(), new BigDecimal[] {opening, new BigDecimal("2.0").add(
                    new BigDecimal(random.nextInt(40)).movePointLeft(1))});
        }
    }

    public Habit habit(ShuozhouMines.Mine m) {
        return habits.get(m.no());
    }

    public static Period next(Period p) {
        return p.quarter() == 4 ? new Period(p.year() + 1, 1) : new Period(p.year(), p.quarter() + 1);
    }

    /** The last day to file {@code p} on time. */
    public static LocalDate deadline(Period p) {
        return p.end().plusDays(DEADLINE_DAYS);
    }

    /**
     * The quarter's filings, in the order they are received; a filing that would be received after
     * {@code asOf} is left out (not yet filed), as is a missing one.
     */
    public List<Filing> quarter(Period p, Instant asOf) {
        List<Filing> out = new ArrayList<>();
        for (ShuozhouMines.Mine m : mines) {
            Outcome o = outcome(m, p);
            boolean shortfall = habits.get(m.no()) == Habit.SLOPPY ? random.nextInt(100) < 30 : random.nextInt(100) < 4;
            Instant received = receivedAt(p, o);
            if (o == Outcome.MISSING || received.isAfter(asOf)) {
                continue;
            }
            Instant signed = received.minusSeconds(300 + random.nextInt(7200));
            out.add(new Filing(m, p, o, shortfall, signed, received, declaration(m, p, shortfall)));
        }
        out.sort(java.util.Comparator.comparing(Filing::receivedAt));
        return out;
    }

    private Outcome outcome(ShuozhouMines.Mine m, Period p) {
        Habit h = habits.get(m.no());
        int roll = random.nextInt(100);
        return switch (h) {
            case DILIGENT -> roll < 4 ? Outcome.LATE : Outcome.ON_TIME;
            case SLOPPY -> roll < 12 ? Outcome.MISSING : roll < 45 ? Outcome.LATE : Outcome.ON_TIME;
            case DROPS_OUT -> p.compareTo(dropsOutFrom.get(m.no())) >= 0 ? Outcome.MISSING
                    : roll < 20 ? Outcome.LATE : Outcome.ON_TIME;
        };
    }

    /** On time: within the two weeks before the deadline; late: 3 to 75 days after it; in office hours. */
    private Instant receivedAt(Period p, Outcome o) {
        LocalDate day = o == Outcome.LATE ? deadline(p).plusDays(3 + random.nextInt(73))
                : deadline(p).minusDays(random.nextInt(14));
        return day.atTime(8 + random.nextInt(9), random.nextInt(60), random.nextInt(60)).atZone(ZONE).toInstant();
    }

    /** The declaration of one mine for one quarter; carries the fund and restoration to the next quarter. */
    byte[] declaration(ShuozhouMines.Mine m, Period p, boolean shortfall) {
        BigDecimal[] state = carried.get(m.no());
        boolean producing = m.status() == MineStatus.PRODUCING;
        BigDecimal required = m.designScale().multiply(new BigDecimal(1500)).setScale(2, RoundingMode.HALF_UP);
        BigDecimal deposited = shortfall
                ? required.multiply(new BigDecimal(30 + random.nextInt(60))).movePointLeft(2).setScale(2, RoundingMode.HALF_UP)
                : required;
        BigDecimal opening = state[0];
        BigDecimal used = producing ? new BigDecimal(random.nextInt(20000)).setScale(2) : BigDecimal.ZERO.setScale(2);
        BigDecimal closing = opening.add(deposited).subtract(used);
        BigDecimal restoredThisQuarter = producing ? new BigDecimal(1 + random.nextInt(5)).movePointLeft(1)
                : BigDecimal.ZERO;
        BigDecimal restored = state[1].add(restoredThisQuarter);
        BigDecimal damaged = restored.add(new BigDecimal(20 + random.nextInt(30)).movePointLeft(1)).add(
                m.designScale().movePointLeft(1));
        state[0] = closing;
        state[1] = restored;
        BigDecimal output = producing ? m.designScale().multiply(new BigDecimal(12 + random.nextInt(10)))
                .movePointLeft(2).setScale(1, RoundingMode.HALF_UP) : BigDecimal.ZERO;

        ObjectNode d = JSON.createObjectNode();
        d.put("schema", "mine-declaration/1");
        d.put("period", p.toString());
        d.put("jurisdiction", m.district().code());
        ObjectNode e = d.putObject("enterprise");
        e.put("name", m.enterprise());
        e.put("uscc", m.uscc());
        e.put("legalRepresentative", m.legalRepresentative());
        ObjectNode contact = e.putObject("contact");
        contact.put("name", m.legalRepresentative());
        contact.put("phone", "0349-" + (2000000 + m.no() * 7919 % 999999));
        ObjectNode mine = d.putObject("mine");
        mine.put("name", m.name());
        mine.put("mineral", m.mineral().name());
        mine.put("miningMethod", "OPEN_PIT");
        mine.put("status", m.status().name());
        if (m.status() == MineStatus.STOPPED) {
            mine.put("stoppedSince", "2019-06-30");
        }
        mine.put("isNew", false);
        mine.put("designScale", m.designScale());
        mine.put("scaleClass", m.designScale().compareTo(new BigDecimal(100)) >= 0 ? "LARGE"
                : m.designScale().compareTo(new BigDecimal(30)) >= 0 ? "MEDIUM" : "SMALL");
        mine.put("remainingReserves", m.reserves());
        mine.put("onArableLand", false);
        ObjectNode licences = d.putObject("licences");
        ObjectNode mining = licences.putObject("mining");
        mining.put("number", m.licence());
        mining.put("validFrom", "2019-01-01");
        mining.put("validTo", "2029-12-31");
        mining.put("areaKm2", new BigDecimal(1000 + m.no() * 37).movePointLeft(4));
        ObjectNode safety = licences.putObject("safety");
        safety.put("number", "(晋)FM安许证字〔2024〕F" + String.format("%04d", m.no()));
        safety.put("validFrom", "2024-01-01");
        safety.put("validTo", "2028-12-31");
        ObjectNode production = d.putObject("production");
        production.put("output", output);
        production.put("miningRecoveryRate", new BigDecimal(955 + random.nextInt(40)).movePointLeft(1));
        production.put("boundaryViolation", false);
        production.put("obsoleteEquipment", false);
        ObjectNode fund = d.putObject("restorationFund");
        ObjectNode account = fund.putObject("account");
        account.put("bank", "中国农业银行朔州" + m.district().name() + "支行");
        account.put("number", "14-2460010400" + String.format("%05d", m.no()));
        fund.put("openingBalance", opening.toPlainString());
        fund.put("required", required.toPlainString());
        fund.put("deposited", deposited.toPlainString());
        fund.put("used", used.toPlainString());
        fund.put("closingBalance", closing.toPlainString());
        ObjectNode restoration = d.putObject("restoration");
        restoration.put("planFiled", true);
        restoration.put("planFiledOn", "2021-05-20");
        restoration.put("damagedAreaHa", damaged);
        restoration.put("restoredAreaHa", restored);
        restoration.put("restoredThisQuarterHa", restoredThisQuarter);
        restoration.put("acceptance", "PARTIAL");
        ObjectNode green = d.putObject("greenMine");
        green.put("status", m.greenListed() ? "PROVINCE_LISTED" : "NOT_STARTED");
        green.put("wastewaterReuseRate", new BigDecimal(920 + random.nextInt(70)).movePointLeft(1));
        green.put("zeroDischarge", false);
        green.put("solidWasteUtilizationRate", new BigDecimal(600 + random.nextInt(300)).movePointLeft(1));
        green.put("greeningCoverageRate", m.greenListed() ? new BigDecimal(100) : new BigDecimal(60 + random.nextInt(30)));
        ArrayNode attachments = d.putArray("attachments");
        ObjectNode a1 = attachments.addObject();
        a1.put("path", "attachments/mining-licence.pdf");
        a1.put("kind", "MINING_LICENCE");
        a1.put("title", "采矿许可证扫描件");
        ObjectNode a2 = attachments.addObject();
        a2.put("path", "attachments/" + depositSlip(p));
        a2.put("kind", "FUND_DEPOSIT_SLIP");
        a2.put("title", p.year() + "年第" + p.quarter() + "季度基金存入凭证");
        ObjectNode declarant = d.putObject("declarant");
        declarant.put("name", m.legalRepresentative());
        declarant.put("title", "法定代表人");
        try {
            return JSON.writeValueAsString(d).getBytes(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The deposit slip's file name for a quarter. */
    public static String depositSlip(Period p) {
        return "fund-deposit-" + p + ".pdf";
    }
}
