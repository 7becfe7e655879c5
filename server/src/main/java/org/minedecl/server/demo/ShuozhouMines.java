package org.minedecl.server.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.minedecl.shared.declaration.MineStatus;
import org.minedecl.shared.declaration.Mineral;
import org.minedecl.shared.declaration.Uscc;

/**
 * The 103 non-coal mines of Shuozhou at the end of 2020 (朔政办发〔2023〕32号, the city's mineral resources plan
 * 2021-2025: 3 licensed by the province - 1 iron, 2 limestone - and 94 by the city - 75 limestone, 5 granite, 5
 * basalt, 1 dolomite, 8 clay - plus 2 building-sand and 4 brick-clay mines), by district: 朔城区 16, 平鲁区 23, 山阴县
 * 23, 怀仁市 20, 右玉县 19, 应县 2. Names, numbers and sizes are made up, deterministically from a seed. The plan
 * caps cement limestone at 6 and building limestone at 8 million tonnes a year: 20 of the 75 city limestone mines
 * are cement limestone here, 55 building limestone. The iron mine has been stopped for years ("铁矿一直处于停产状态").
 */
public final class ShuozhouMines {
    /** A district: GB/T 2260 code, name, number of mines. */
    public record District(String code, String name, int mines) {
    }

    public static final List<District> DISTRICTS = List.of(new District("140602", "朔城区", 16),
            new District("140603", "平鲁区", 23), new District("140621", "山阴县", 23), new District("140681", "怀仁市", 20),
            new District("140623", "右玉县", 19), new District("140622", "应县", 2));

    /** One mine and its enterprise. */
    public record Mine(int no, District district, String uscc, String enterprise, String legalRepresentative,
                       String licence, String name, Mineral mineral, BigDecimal designScale, BigDecimal minimumScale,
                       BigDecimal reserves, MineStatus status, boolean provinceLicensed, boolean greenListed) {
        /** Below the minimum production scale that Shanxi requires of existing mines by the end of 2025. */
        public boolean belowMinimum() {
            return minimumScale != null && designScale.compareTo(minimumScale) < 0;
        }
    }

    private static final String[] TRADE_NAMES = {"金石", "鑫源", "恒达", "永盛", "宏泰", "瑞丰", "广源", "兴旺", "华通",
        "众鑫", "晋丰", "塞北", "长城", "桑干", "洪涛", "安泰", "峰岩", "磊鑫", "汇丰", "泰和", "盛达", "聚源", "昌隆",
        "佳利"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "赵", "杨", "郭", "高", "田", "贾", "武", "苏"};
    private static final String[] GIVEN = {"建国", "志强", "海军", "晓东", "国庆", "瑞", "鹏", "永红", "文斌", "俊峰"};

    private ShuozhouMines() {
    }

    /** The 103 mines, the same for the same seed. */
    public static List<Mine> generate(long seed) {
        Random r = new Random(seed);
        List<Mineral> minerals = new ArrayList<>();
        add(minerals, Mineral.BUILDING_LIMESTONE, 55);
        add(minerals, Mineral.CEMENT_LIMESTONE, 20);
        add(minerals, Mineral.GRANITE, 5);
        add(minerals, Mineral.BASALT, 5);
        add(minerals, Mineral.DOLOMITE, 1);
        add(minerals, Mineral.CERAMIC_CLAY, 8);
        add(minerals, Mineral.CONSTRUCTION_SAND, 2);
        add(minerals, Mineral.BRICK_CLAY, 4);
        List<Boolean> province = new ArrayList<>(Collections.nCopies(minerals.size(), false));
        minerals.add(Mineral.IRON);
        minerals.add(Mineral.CEMENT_LIMESTONE);
        minerals.add(Mineral.CEMENT_LIMESTONE);
        province.addAll(List.of(true, true, true));
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < minerals.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, r);
        List<Mine> mines = new ArrayList<>();
        int next = 0;
        for (District d : DISTRICTS) {
            for (int k = 0; k < d.mines(); k++) {
                int i = order.get(next++);
                mines.add(mine(mines.size() + 1, d, minerals.get(i), province.get(i), r));
            }
        }
        return List.copyOf(mines);
    }

    private static void add(List<Mineral> list, Mineral m, int n) {
        list.addAll(Collections.nCopies(n, m));
    }

    private static Mine mine(int no, District d, Mineral mineral, boolean provinceLicensed, Random r) {
        String first17 = "91" + d.code() + orgCode(r);
        String uscc = first17 + Uscc.checkCharacter(first17);
        String trade = TRADE_NAMES[(no * 7 + r.nextInt(TRADE_NAMES.length)) % TRADE_NAMES.length];
        String place = d.name().substring(0, 2);
        String enterprise = "朔州市" + place + trade + "矿业有限公司";
        String person = SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN[r.nextInt(GIVEN.length)];
        String licence = "C" + d.code() + (2008 + r.nextInt(12)) + "127130" + String.format("%06d", 100000 + no * 37);
        BigDecimal minimum = switch (mineral) {
            case CEMENT_LIMESTONE, IRON -> new BigDecimal(30);
            case BUILDING_LIMESTONE -> new BigDecimal(50);
            default -> null;
        };
        // about one limestone mine in six is still below the 2025 minimum scale
        boolean small = minimum != null && r.nextInt(6) == 0;
        BigDecimal scale = switch (mineral) {
            case GRANITE -> new BigDecimal(5 + r.nextInt(10));
            case CERAMIC_CLAY, BRICK_CLAY -> new BigDecimal(3 + r.nextInt(8));
            case CONSTRUCTION_SAND -> new BigDecimal(20 + r.nextInt(40));
            case DOLOMITE -> new BigDecimal(10 + r.nextInt(20));
            default -> small ? minimum.subtract(new BigDecimal(5 + r.nextInt(15)))
                    : (minimum == null ? new BigDecimal(50) : minimum).add(new BigDecimal(r.nextInt(120)));
        };
        BigDecimal reserves = scale.multiply(new BigDecimal(8 + r.nextInt(20)));
        MineStatus status = mineral == Mineral.IRON ? MineStatus.STOPPED : MineStatus.PRODUCING;
        String name = place + trade + mineralName(mineral) + "矿";
        return new Mine(no, d, uscc, enterprise, person, licence, name, mineral, scale, minimum, reserves, status,
                provinceLicensed, no % 13 == 5);
    }

    private static String orgCode(Random r) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            b.append(Uscc.ALPHABET.charAt(r.nextInt(Uscc.ALPHABET.length())));
        }
        return b.toString();
    }

    static String mineralName(Mineral m) {
        return switch (m) {
            case BUILDING_LIMESTONE -> "建筑石料用灰岩";
            case CEMENT_LIMESTONE -> "水泥用灰岩";
            case GRANITE -> "饰面用花岗岩";
            case BASALT -> "建筑用玄武岩";
            case DOLOMITE -> "白云岩";
            case CERAMIC_CLAY -> "陶瓷土";
            case CONSTRUCTION_SAND -> "建筑用砂";
            case BRICK_CLAY -> "砖瓦用黏土";
            case IRON -> "铁";
            default -> m.name();
        };
    }
}
