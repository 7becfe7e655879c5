package org.minedecl.shared.rules;

import java.util.Objects;

/**
 * How a finding weighs: its severity and, for a FLAG only, the disposition the cited document prescribes. A
 * rule's data file gives its default level; a lower pack may set another one ({@link LevelSetting}).
 */
public record Level(Severity severity, Disposition disposition) {
    public Level {
        Objects.requireNonNull(severity, "severity");
        if ((severity == Severity.FLAG) != (disposition != null)) {
            throw new IllegalArgumentException("a FLAG needs a disposition and only a FLAG has one: " + severity
                    + " " + disposition);
        }
    }

    @Override
    public String toString() {
        return disposition == null ? severity.name() : severity + " " + disposition;
    }
}
