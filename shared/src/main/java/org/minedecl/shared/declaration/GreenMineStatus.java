package org.minedecl.shared.declaration;

/** 绿色矿山建设状态; {@code targetLevel} uses only the *_LISTED values. Declared in ascending order. */
public enum GreenMineStatus {
    NOT_STARTED, IN_PROGRESS, COUNTY_LISTED, CITY_LISTED, PROVINCE_LISTED, NATIONAL_LISTED;

    public boolean isListed() {
        return ordinal() >= COUNTY_LISTED.ordinal();
    }
}
