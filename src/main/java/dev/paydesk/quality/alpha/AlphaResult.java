package dev.paydesk.quality.alpha;

/**
 * Alpha with its bases.
 *
 * @param alpha          1 - D_o / D_e
 * @param units          units with at least two values (units rated once are left out)
 * @param pairableValues n.., the values in those units
 * @param observed       observed disagreement D_o
 * @param expected       expected disagreement D_e
 */
public record AlphaResult(double alpha, int units, int pairableValues, double observed, double expected) {
}
