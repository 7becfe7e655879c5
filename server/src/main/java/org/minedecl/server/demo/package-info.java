/**
 * Demo data that looks like a real county (issue #13 point 6): the non-coal mines of Shuozhou (朔州市) at the end
 * of 2020 as the city's mineral resources plan counts them, quarters of their filings with a realistic mix of
 * clean, late, missing, fund-shortfall and below-minimum-scale filings, signed with demo certificates and loaded
 * through the real upload path ({@code java -jar minedecl-server.jar demo}); and a bulk mode that inserts generated
 * submissions directly, for benchmarks.
 */
package org.minedecl.server.demo;
