package dev.paydesk.triage.classifier;

/** Feature indices (ascending within each block) with their values. */
record SparseVector(int[] indices, float[] values) {

    int size() {
        return indices.length;
    }
}
