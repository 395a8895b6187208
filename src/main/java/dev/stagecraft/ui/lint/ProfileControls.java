package dev.stagecraft.ui.lint;

import dev.stagecraft.lint.Profile;
import dev.stagecraft.project.Settings;
import dev.stagecraft.ui.Tips;
import dev.stagecraft.ui.document.DocumentViewModel;
import dev.stagecraft.ui.problems.ProblemsView;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;

/**
 * The lint controls on the Problems bar: the profile, "All stages" and Explain Rule. The choice
 * goes to the document (which lints again) and into the settings, so the next window starts with
 * it. FX thread only.
 */
final class ProfileControls {
    private final DocumentViewModel document;
    private final Settings settings;
    /** A choice box, not a combo box: a combo box builds and styles its drop-down list with the window. */
    private final ChoiceBox<Profile> profile = new ChoiceBox<>();
    private final CheckBox allStages = new CheckBox("All stages");

    /** Adds the controls to {@code problems}' bar; {@code settings} may be null; {@code explain} is Explain Rule. */
    ProfileControls(DocumentViewModel document, Settings settings, ProblemsView problems, Runnable explain) {
        this.document = document;
        this.settings = settings;
        profile.setId("lint-profile");
        profile.getItems().setAll(Profile.values());
        profile.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Profile p) {
                return p == null ? "" : "Profile: " + p.label();
            }

            @Override
            public Profile fromString(String s) {
                throw new UnsupportedOperationException("not editable");
            }
        });
        Tips.lazy(profile, "Rule set: stagecraft (hadolint's rules, BuildKit's checks and the stage-aware "
                + "rules), hadolint or buildkit");
        allStages.setId("lint-all-stages");
        Tips.lazy(allStages, "Lint every stage, not only those the target needs");
        Profile chosen = settings == null ? Profile.STAGECRAFT
                : Profile.parse(settings.lintProfile).orElse(Profile.STAGECRAFT);
        profile.setValue(chosen);
        allStages.setSelected(settings != null && settings.lintAllStages);
        document.setLintProfile(chosen, allStages.isSelected());
        profile.valueProperty().addListener((o, a, b) -> chosen());
        allStages.selectedProperty().addListener((o, a, b) -> chosen());
        Button explainButton = new Button("Explain Rule");
        explainButton.setId("explain-rule");
        explainButton.setFocusTraversable(false);
        explainButton.setOnAction(e -> explain.run());
        problems.addControls(profile, allStages, explainButton);
    }

    /** Chooses the profile and stage scope, as the user does on the bar. */
    void set(Profile p, boolean everyStage) {
        allStages.setSelected(everyStage);
        profile.setValue(p);
    }

    private void chosen() {
        Profile p = profile.getValue() == null ? Profile.STAGECRAFT : profile.getValue();
        if (settings != null) {
            settings.lintProfile = p.label();
            settings.lintAllStages = allStages.isSelected();
        }
        document.setLintProfile(p, allStages.isSelected());
    }
}
