package dev.paydesk.quality;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.paydesk.quality.calibration.CalibrationRating;
import dev.paydesk.quality.calibration.CalibrationResult;

/** Calibration sessions: created by a lead, scored blind by the reviewers, revealed by the lead; audited. */
public interface Calibrations {

    /** A session as one participant sees it: their own ratings; everyone's and the result once revealed. */
    record View(CalibrationSession session, Scorecard scorecard, List<CalibrationRating> ratings,
                @Nullable CalibrationResult result) {
    }

    CalibrationSession create(String name, String market, UUID scorecardId, List<String> caseKeys, List<String> reviewers);

    /** Sessions of the caller's markets the caller takes part in (leads: all). */
    List<CalibrationSession> list();

    View view(UUID id);

    /** The caller's answers for one case of an open session (again = replaced). */
    void rate(UUID id, String caseKey, List<Answer> answers);

    /** Ends the blind phase: no more ratings, everyone sees the agreement. */
    CalibrationSession reveal(UUID id);
}
