package dev.paydesk.platform.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a second server on a used embedded data folder into a short message instead of a stack trace. */
public final class DataFolderInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataFolderLock.DataFolderInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataFolderLock.DataFolderInUseException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Stop the other server, or point this one at its own data folder or at an external PostgreSQL.", cause);
    }
}
