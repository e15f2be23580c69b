package io.servesim.spark;

import io.servesim.optimize.DeploymentState;
import io.servesim.router.RouterSetting;
import io.servesim.spec.RouterMode;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One evaluation as it travels from a Spark executor to the driver: the state's fields and its run's report. Plain
 * serialisable values only; immutable once built.
 */
record WireRecord(boolean aggregated, int prefillTp, int decodeTp, int prefillWorkers, int decodeWorkers,
                  String routerMode, double overlapScoreCredit, double prefillLoadScale,
                  LinkedHashMap<String, Double> metrics) implements Serializable {
    private static final long serialVersionUID = 1L;

    static WireRecord of(DeploymentState s, Map<String, Double> metrics) {
        RouterSetting r = s.router();
        return new WireRecord(s.aggregated(), s.prefillTp(), s.decodeTp(), s.prefillWorkers(), s.decodeWorkers(),
                r.mode().id(), r.overlapScoreCredit(), r.prefillLoadScale(), new LinkedHashMap<>(metrics));
    }

    DeploymentState state() {
        return new DeploymentState(aggregated, prefillTp, decodeTp, prefillWorkers, decodeWorkers,
                new RouterSetting(RouterMode.named(routerMode), overlapScoreCredit, prefillLoadScale));
    }
}
