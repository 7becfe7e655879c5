package org.minedecl.shared.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.Period;

/** The one rule engine: evaluates every rule pack whose jurisdiction contains the mine's. */
public final class RuleEngine {
    /** Rule findings come out in this order: by rule id, then path. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::ruleId)
            .thenComparing(Finding::path, Comparator.nullsFirst(Comparator.naturalOrder()));

    private static volatile RuleEngine standard;

    private final RuleCatalog catalog;
    private final Map<String, RuleLogic> logics;
    private final Map<String, RulePack> packs = new java.util.HashMap<>();

    public RuleEngine(RuleCatalog catalog, Map<String, RuleLogic> logics) {
        this.catalog = catalog;
        this.logics = Map.copyOf(logics);
        for (RulePack p : catalog.packs()) {
            packs.put(p.id(), p);
        }
        for (RuleDefinition r : catalog.rules().values()) {
            if (r.evaluatedByEngine() && !logics.containsKey(r.id())) {
                throw new IllegalStateException("rule " + r.id() + " has no logic in RuleLogics");
            }
        }
    }

    /** The engine over the rule packs bundled in this build. */
    public static RuleEngine standard() {
        RuleEngine e = standard;
        if (e == null) {
            synchronized (RuleEngine.class) {
                e = standard;
                if (e == null) {
                    e = new RuleEngine(RuleCatalog.standard(), RuleLogics.all());
                    standard = e;
                }
            }
        }
        return e;
    }

    public RuleCatalog catalog() {
        return catalog;
    }

    /** The rule findings of {@code declaration}, sorted by rule id and path. */
    public List<Finding> evaluate(Declaration declaration, EvaluationContext context) {
        Objects.requireNonNull(declaration, "declaration");
        Run run = new Run(declaration, applicable(declaration.jurisdiction()), context);
        for (boolean review : new boolean[] {false, true}) {
            for (RulePack pack : run.chain) {
                for (RuleDefinition rule : pack.rules()) {
                    if (rule.evaluatedByEngine() && rule.isReview() == review && rule.inForce(run.periodEnd)) {
                        run.rule = rule;
                        logics.get(rule.id()).check(declaration, run);
                    }
                }
            }
        }
        run.out.sort(ORDER);
        return run.out;
    }

    /**
     * The findings of the rules whose effective disposition is RECTIFY, for {@code declaration} (no review
     * stage): what CORE-REPEAT-01 compares with the previous quarter.
     */
    private List<Finding> rectifyFindings(Declaration declaration, EvaluationContext context) {
        Run run = new Run(declaration, applicable(declaration.jurisdiction()), context);
        for (RulePack pack : run.chain) {
            for (RuleDefinition rule : pack.rules()) {
                if (rule.evaluatedByEngine() && !rule.isReview() && rule.inForce(run.periodEnd)
                        && run.levelOf(rule).level().disposition() == Disposition.RECTIFY) {
                    run.rule = rule;
                    logics.get(rule.id()).check(declaration, run);
                }
            }
        }
        return run.out.stream().filter(f -> f.disposition() == Disposition.RECTIFY).toList();
    }

    /** The packs in force with their versions ({@code GET /api/v1/rules}, receipts). */
    public List<RulePackInfo> packs() {
        return catalog.packs().stream().map(RulePack::info).toList();
    }

    /**
     * The packs that check a declaration of {@code jurisdiction}, CORE first, then province, city, county.
     * CORE alone when the code is malformed or no other pack covers it.
     */
    public List<RulePackInfo> applicablePacks(String jurisdiction) {
        return applicable(jurisdiction).stream().map(RulePack::info).toList();
    }

    private List<RulePack> applicable(String jurisdiction) {
        boolean valid = jurisdiction != null && jurisdiction.length() == 6 && jurisdiction.chars()
                .allMatch(c -> c >= '0' && c <= '9');
        List<RulePack> chain = new ArrayList<>(4);
        for (RulePack p : catalog.packs()) {
            if (p.jurisdiction().isEmpty() || (valid && p.covers(jurisdiction))) {
                chain.add(p);
            }
        }
        // general to specific: a containing jurisdiction's code has more trailing zeros
        chain.sort(Comparator.comparingInt((RulePack p) -> p.jurisdiction().isEmpty() ? -1 : 0)
                .thenComparing(p -> -trailingZeros(p.jurisdiction())));
        return chain;
    }

    private static int trailingZeros(String code) {
        int n = 0;
        for (int i = code.length() - 1; i >= 0 && code.charAt(i) == '0'; i--) {
            n++;
        }
        return n;
    }

    /** A rule's effective level and the pack that set it. */
    private record Effective(Level level, LocalizedText consequence, RulePack setBy) {
    }

    /** One evaluation: the context handed to each rule's logic. */
    private final class Run implements RuleContext {
        final Declaration declaration;
        final List<RulePack> chain;
        final EvaluationContext context;
        final LocalDate periodEnd;
        final List<Finding> out = new ArrayList<>();
        RuleDefinition rule;

        Run(Declaration declaration, List<RulePack> chain, EvaluationContext context) {
            this.declaration = declaration;
            this.chain = chain;
            this.context = context;
            Period period = declaration.parsedPeriod();
            this.periodEnd = period == null ? null : period.end();
        }

        @Override
        public LocalDate asOf() {
            return context.asOf();
        }

        @Override
        public Declaration previousQuarter() {
            Period p = declaration.parsedPeriod();
            return p == null ? null : context.history().quarter(declaration, p.previous());
        }

        @Override
        public List<Declaration> earlierInYear() {
            return context.history().earlierInYear(declaration);
        }

        @Override
        public LocalDate periodEnd() {
            return periodEnd;
        }

        @Override
        public Param param(String name) {
            Param p = paramOrNull(name);
            if (p == null) {
                throw new IllegalStateException("rule " + rule.id() + ": no parameter " + name + " in any pack");
            }
            return p;
        }

        @Override
        public Param paramOrNull(String name) {
            for (int i = chain.size() - 1; i >= 0; i--) {
                Object v = chain.get(i).parameters().get(name);
                if (v != null) {
                    return new Param(name, v, chain.get(i).id());
                }
            }
            Object v = rule.parameters().get(name);
            return v == null ? null : new Param(name, v, rule.pack());
        }

        /** The level the lowest applicable pack sets for {@code r} for this period, else the rule's own. */
        Effective levelOf(RuleDefinition r) {
            for (int i = chain.size() - 1; i >= 0; i--) {
                LevelSetting s = chain.get(i).levelFor(r.id(), periodEnd);
                if (s != null) {
                    return new Effective(s.level(), s.consequence(), chain.get(i));
                }
            }
            return new Effective(r.level(), r.consequence(), packs.get(r.pack()));
        }

        @Override
        public void report(String path, Object... keyValues) {
            Effective e = levelOf(rule);
            add(e.level(), e.consequence(), e.setBy(), path, keyValues);
        }

        @Override
        public void escalate(String path, Object... keyValues) {
            if (rule.escalation() == null) {
                throw new IllegalStateException("rule " + rule.id() + " has no escalation in its data file");
            }
            add(rule.escalation(), rule.consequence(), packs.get(rule.pack()), path, keyValues);
        }

        @Override
        public List<Finding> findings() {
            requireReview();
            return List.copyOf(out);
        }

        @Override
        public List<Finding> previousQuarterRectifyFindings() {
            requireReview();
            Declaration previous = previousQuarter();
            return previous == null ? List.of() : rectifyFindings(previous, context);
        }

        private void requireReview() {
            if (!rule.isReview()) {
                throw new IllegalStateException("rule " + rule.id() + " is not a review-stage rule");
            }
        }

        private void add(Level level, LocalizedText consequence, RulePack setBy, String path, Object... keyValues) {
            Map<String, Object> messageValues = new LinkedHashMap<>();
            Map<String, Object> params = new LinkedHashMap<>();
            for (int i = 0; i + 1 < keyValues.length; i += 2) {
                String key = (String) keyValues[i];
                Object v = keyValues[i + 1];
                messageValues.put(key, v);
                params.put(key, v instanceof Param p ? p.asFindingParam()
                        : v instanceof LocalDate || v instanceof Enum<?> ? v.toString() : v);
            }
            // the consequence is the setting pack's text and may itself name the facts ({scaleDeadline})
            messageValues.put("consequence", consequence == null ? new LocalizedText("", "")
                    : Messages.render(consequence, messageValues));
            RulePack own = packs.get(rule.pack());
            out.add(new Finding(rule.id(), level.severity(), level.disposition(),
                    path == null ? rule.path() : path, Messages.render(rule.message(), messageValues),
                    rule.citation(), params, own.ref(), setBy.ref(), own.pastBasis(periodEnd) ? own.basisNote() : null));
        }
    }
}
