package dev.paydesk.triage.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.paydesk.shared.InvalidInputException;

class ClassifierTests {

    @Test
    void readsRfc4180WithQuotedLineBreaksAndCommas() throws Exception {
        var rows = LabelledCsv.read(new StringReader("text,category\r\n\"Hi,\nmy card\nwas declined\",card_declined\r\nplain,other\r\n"));
        assertThat(rows).containsExactly(new LabelledText("Hi,\nmy card\nwas declined", "card_declined"),
                new LabelledText("plain", "other"));
        assertThat(TriageFixtures.holdout()).last().extracting(LabelledText::text).asString().contains("\n");
    }

    @Test
    void sentenceEmbeddingsAreUnitVectorsThatPlaceParaphrasesCloser() {
        List<String> texts = List.of("my card was declined at the shop", "the store refused my card payment",
                "when will my payout arrive", "");
        float[][] v = TriageFixtures.EMBEDDER.embed(texts);
        float[] alone = TriageFixtures.EMBEDDER.embed(List.of(texts.get(0)))[0];

        assertThat(v).hasNumberOfRows(4);
        for (float[] vector : v) {
            assertThat(vector).hasSize(384);
            assertThat(dot(vector, vector)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        }
        assertThat(dot(v[0], v[1])).isGreaterThan(dot(v[0], v[2]));
        assertThat(dot(v[0], alone)).as("batching changes the vector only by quantisation noise").isGreaterThan(0.99);
    }

    @Test
    void batchesEmbeddedSideBySideReturnEachTextsOwnVector() {
        List<String> texts = TriageFixtures.training().stream().map(LabelledText::text).distinct().limit(45).toList();
        float[][] together = TriageFixtures.EMBEDDER.embed(texts);
        float[][] alone = texts.stream().map(t -> TriageFixtures.EMBEDDER.embed(List.of(t))[0]).toArray(float[][]::new);

        assertThat(texts).hasSizeGreaterThan(32);
        for (int i = 0; i < texts.size(); i++) {
            int nearest = 0;
            for (int j = 1; j < texts.size(); j++) {
                nearest = dot(together[i], alone[j]) > dot(together[i], alone[nearest]) ? j : nearest;
            }
            assertThat(nearest).as("text %d: %s", i, texts.get(i)).isEqualTo(i);
            assertThat(dot(together[i], alone[i])).isGreaterThan(0.99);
        }
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    @Test
    void rejectsCsvWithoutTheExpectedHeader() {
        assertThatThrownBy(() -> LabelledCsv.read(new StringReader("message,label\nx,y\n")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void learnsTheFixtureTaxonomyAndGeneralisesToNewPhrasings() {
        TextClassifier model = new ClassifierTrainer(TriageFixtures.EMBEDDER, ClassifierTrainer.Options.defaults())
                .train(TriageFixtures.training());

        Evaluation evaluation = Evaluation.run(model, TriageFixtures.holdout());

        assertThat(model.categories()).hasSize(5);
        assertThat(evaluation.accuracy()).isGreaterThanOrEqualTo(0.8);
        assertThat(evaluation.macroF1()).isGreaterThan(0.7);
        assertThat(evaluation.perCategory()).hasSize(5);
        assertThat(model.temperature()).isPositive();
    }

    @Test
    void topThreeAreDistinctSortedAndConfidenceIsTheFirstProbability() {
        TextClassifier model = new ClassifierTrainer(null, ClassifierTrainer.Options.defaults()).train(TriageFixtures.training());

        Prediction p = model.predict("charged two times for one order");

        assertThat(p.top()).hasSize(3);
        assertThat(p.top()).extracting(Prediction.Scored::category).doesNotHaveDuplicates();
        assertThat(p.top().get(0).probability()).isGreaterThanOrEqualTo(p.top().get(1).probability());
        assertThat(p.top().get(1).probability()).isGreaterThanOrEqualTo(p.top().get(2).probability());
        assertThat(p.confidence()).isEqualTo(p.top().getFirst().probability());
        assertThat(p.category()).isEqualTo("double_charge");
    }

    @Test
    void savedModelPredictsExactlyLikeTheOriginal() {
        TextClassifier model = new ClassifierTrainer(TriageFixtures.EMBEDDER, ClassifierTrainer.Options.defaults())
                .train(TriageFixtures.training());

        TextClassifier loaded = ModelFile.fromBytes(ModelFile.toBytes(model), TriageFixtures.EMBEDDER);

        List<String> texts = TriageFixtures.holdout().stream().map(LabelledText::text).toList();
        assertThat(loaded.predict(texts)).isEqualTo(model.predict(texts));
        assertThat(loaded.temperature()).isEqualTo(model.temperature());
    }

    @Test
    void loadingAnEmbeddingModelWithoutItsEmbedderFails() {
        TextClassifier model = new ClassifierTrainer(TriageFixtures.EMBEDDER, ClassifierTrainer.Options.defaults().withoutCalibration())
                .train(TriageFixtures.training());
        assertThatThrownBy(() -> ModelFile.fromBytes(ModelFile.toBytes(model), null)).hasMessageContaining("embedder");
    }

    @Test
    void fewShotSamplingTakesKPerCategoryReproducibly() {
        List<LabelledText> picked = Sampling.shots(TriageFixtures.training(), 3, 7);

        Map<String, Long> perCategory = picked.stream().collect(Collectors.groupingBy(LabelledText::category, Collectors.counting()));
        assertThat(perCategory).hasSize(5).allSatisfy((category, count) -> assertThat(count).isEqualTo(3));
        assertThat(Sampling.shots(TriageFixtures.training(), 3, 7)).isEqualTo(picked);
        assertThat(Sampling.shots(TriageFixtures.training(), 3, 8)).isNotEqualTo(picked);
    }

    @Test
    void evaluationComputesMacroF1AndConfusionsFromCounts() {
        List<String> truth = List.of("a", "a", "b", "b");
        Function<String, Prediction> p = c -> new Prediction(c, 0.9, List.of(new Prediction.Scored(c, 0.9)));
        Evaluation e = Evaluation.of(truth, List.of(p.apply("a"), p.apply("b"), p.apply("b"), p.apply("b")), 1.0);

        assertThat(e.accuracy()).isEqualTo(0.75);
        // a: precision 1, recall 0.5 -> F1 2/3; b: precision 2/3, recall 1 -> F1 0.8
        assertThat(e.macroF1()).isCloseTo((2.0 / 3 + 0.8) / 2, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(e.confusions()).containsExactly(new Evaluation.Confusion("a", "b", 1));
    }

    @Test
    void crossValidationScoresEveryTextOnce() {
        var result = CrossValidation.run(TriageFixtures.training(), 4, null, 3, null, ClassifierTrainer.Options.defaults());
        assertThat(result.pooled().texts()).isEqualTo(TriageFixtures.training().size());
        assertThat(result.foldAccuracy()).hasSize(4);
        assertThat(result.pooled().accuracy()).isGreaterThan(0.6);
    }
}
