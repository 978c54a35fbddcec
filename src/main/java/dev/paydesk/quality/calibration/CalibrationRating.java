package dev.paydesk.quality.calibration;

import java.util.List;

import dev.paydesk.quality.Answer;

/** One reviewer's blind answers for one case of a calibration session. */
public record CalibrationRating(String reviewer, String caseKey, List<Answer> answers) {

    public CalibrationRating {
        answers = List.copyOf(answers);
    }
}
