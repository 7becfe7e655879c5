package org.minedecl.shared.rules;

/** What a FLAG proposes to the regulator. */
public enum Disposition {
    /** 列入矿业权人异常名录. */
    ABNORMAL_LIST,
    /** 关闭取缔. */
    CLOSE,
    /** 引导退出. */
    EXIT,
    /** 不予延续采矿许可证. */
    NO_EXTENSION,
    /** 视为放弃矿权. */
    DEEMED_ABANDONED,
    /** 绿色矿山差距. */
    GREEN_GAP
}
