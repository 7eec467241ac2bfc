package jp.kenpo.privacy.web;

import jp.kenpo.privacy.decision.DecisionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Loads the decision index as soon as the server is up, so that the first question from another
 * system does not wait for a million members to load. Command-line runs load it only if they decide.
 */
@Component
@ConditionalOnWebApplication
class DecisionWarmUp {

    private static final Logger log = LoggerFactory.getLogger(DecisionWarmUp.class);

    private final DecisionService decisions;

    DecisionWarmUp(DecisionService decisions) {
        this.decisions = decisions;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        var thread = new Thread(
                () -> {
                    try {
                        decisions.catchUp();
                    } catch (RuntimeException e) {
                        log.warn(
                                "decision index not loaded at start; the first decision will load it: {}",
                                e.toString());
                    }
                },
                "decision-warm-up");
        thread.setDaemon(true);
        thread.start();
    }
}
