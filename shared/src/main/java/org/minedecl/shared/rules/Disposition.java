package org.minedecl.shared.rules;

/** What a FLAG proposes to the regulator: the consequence the cited document prescribes (RULES.md, Severities). */
public enum Disposition {
    /** 责令限期整改 (1.1): where the document makes a sanction depend on a refusal to rectify (拒不整改). */
    RECTIFY,
    /** 列入矿业权人异常名录. */
    ABNORMAL_LIST,
    /** 关闭取缔. */
    CLOSE,
    /** 引导退出. */
    EXIT,
    /** 整合重组 (1.1). */
    CONSOLIDATE,
    /** 不予延续采矿许可证. */
    NO_EXTENSION,
    /** 视为放弃矿权. */
    DEEMED_ABANDONED,
    /** 委托第三方治理，费用由原矿业权人承担 (1.1). */
    THIRD_PARTY_RESTORATION,
    /** 绿色矿山差距. */
    GREEN_GAP
}
