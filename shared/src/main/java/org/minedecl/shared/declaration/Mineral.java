package org.minedecl.shared.declaration;

/** The mined mineral (矿种). GRANITE is measured in 万立方米, everything else in 万吨. */
public enum Mineral {
    BAUXITE, IRON, COPPER, GOLD, CEMENT_LIMESTONE, BUILDING_LIMESTONE, SMELTING_DOLOMITE, DOLOMITE,
    BASALT, GRANITE, CERAMIC_CLAY, BRICK_CLAY, CONSTRUCTION_SAND, BUILDING_STONE, COAL, OTHER
}
