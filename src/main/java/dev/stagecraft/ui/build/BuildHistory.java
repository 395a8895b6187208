package dev.stagecraft.ui.build;

import java.time.LocalTime;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The builds of one document in this session, newest first. FX thread only. */
public final class BuildHistory {
    private final ObservableList<BuildRecord> records = FXCollections.observableArrayList();
    private final ObservableList<BuildRecord> view = FXCollections.unmodifiableObservableList(records);

    /** Records a finished build at the top. */
    public void add(BuildRecord r) {
        records.add(0, r);
    }

    /** A record made now. */
    static BuildRecord now(String target, String builder, String duration, BuildEnd end, String finalSize) {
        return new BuildRecord(LocalTime.now().withNano(0), target, builder, duration, end, finalSize);
    }

    public ObservableList<BuildRecord> records() {
        return view;
    }
}
