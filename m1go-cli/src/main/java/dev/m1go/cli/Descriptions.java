package dev.m1go.cli;

import dev.m1go.settings.Frontend;
import java.util.Collections;
import java.util.Enumeration;
import java.util.ResourceBundle;

/**
 * The core's description of every setting ({@link Frontend#DESCRIPTIONS}, the text the Maven plugin's parameters
 * are held to), with its settings named as options: picocli reads each option's help from here by its
 * {@code descriptionKey}, {@code <goal>.<key>}.
 */
final class Descriptions extends ResourceBundle {
    private final ResourceBundle core = ResourceBundle.getBundle(Frontend.DESCRIPTIONS);
    private final Frontend frontend = GoalCommand.frontend();

    @Override
    protected Object handleGetObject(String key) {
        if (!core.containsKey(key)) {
            return null;
        }
        // picocli formats descriptions: a percent sign of the text ("95 %") must not start a conversion
        // and picocli expands ${...}: a Maven expression of the text is shown as it is
        return frontend.render(core.getString(key)).replace("%", "%%").replace("${", "$${");
    }

    @Override
    public Enumeration<String> getKeys() {
        return Collections.enumeration(core.keySet());
    }
}
