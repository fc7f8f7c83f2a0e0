package dev.m1go.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m1go.settings.PropertyNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Holds the generated plugin descriptor to the README's one naming rule (property {@code m1go.x.y} ↔ element
 * {@code xY}), to {@link PropertyNames} and to the README's parameter table, and makes every parameter carry a
 * {@code since}.
 */
class PluginDescriptorTest {

    private final PluginDescriptor descriptor = PluginDescriptor.read();

    PluginDescriptorTest() throws Exception {}

    private List<PluginDescriptor.Param> m1goParameters() {
        return descriptor.all().stream()
                .filter(p -> p.property() != null && p.property().startsWith("m1go."))
                .toList();
    }

    @Test
    void everyM1goProperty_isTheElementNameAfterThePrefix() {
        assertThat(m1goParameters())
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.name())
                        .as("%s: property %s", p.goal(), p.property())
                        .isEqualTo(PropertyNames.element(p.property())));
    }

    /**
     * The defaults the plugin documents are the core's: every {@code m1go.*} parameter with a default has the one of
     * {@link dev.m1go.app.Defaults} (the report directory is {@code target/m1go} below the project), and every default
     * the core has for a goal's parameter is declared.
     */
    @Test
    void everyDocumentedDefault_isTheCoresDefault() {
        for (PluginDescriptor.Param p : m1goParameters()) {
            if (p.goal().equals("help") || p.property().endsWith("skip")) {
                continue;
            }
            String core = dev.m1go.app.Defaults.of(p.goal()).get(p.property());
            String declared = p.defaultValue() == null
                    ? null
                    : p.defaultValue().replace("${project.build.directory}/", "target/");
            assertThat(declared).as("%s: default of %s", p.goal(), p.property()).isEqualTo(core);
        }
    }

    /**
     * The documentation of every {@code m1go.*} parameter is the core's description of the setting
     * ({@code Descriptions.properties}, which the {@code m1go} command's help shows), with settings named the Maven way.
     */
    @Test
    void everyParameterDocumentation_isTheCoresDescription() {
        java.util.ResourceBundle core = java.util.ResourceBundle.getBundle(dev.m1go.settings.Frontend.DESCRIPTIONS);
        dev.m1go.settings.Frontend maven = dev.m1go.settings.Frontend.maven("test");
        for (PluginDescriptor.Param p : m1goParameters()) {
            if (p.goal().equals("help") || p.property().endsWith("skip")) {
                continue;
            }
            String key = p.goal() + "." + p.property();
            assertThat(core.containsKey(key))
                    .as("Descriptions.properties has %s", key)
                    .isTrue();
            assertThat(words(p.description()))
                    .as("%s: the javadoc of <%s>", p.goal(), p.name())
                    .isEqualTo(words(maven.render(core.getString(key))));
        }
    }

    private static String words(String text) {
        return String.join(
                " ",
                text.replace("&lt;", "<")
                        .replace("&gt;", ">")
                        .replace("&amp;", "&")
                        .trim()
                        .split("\\s+"));
    }

    @Test
    void everyParameterOfEveryM1goGoal_hasASince() {
        List<PluginDescriptor.Param> own = descriptor.all().stream()
                .filter(p -> !p.goal().equals("help") && p.editable())
                .toList();
        assertThat(own)
                .hasSizeGreaterThan(20)
                .allSatisfy(p -> assertThat(p.since())
                        .as("%s: %s has no @since", p.goal(), p.name())
                        .isNotBlank());
    }

    @Test
    void everyGoal_isThreadSafe() throws Exception {
        String xml = Files.readString(PluginDescriptor.FILE);
        assertThat(xml.split("<threadSafe>true</threadSafe>", -1))
                .hasSize(descriptor.goals().size() + 1);
    }

    @Test
    void propertyNames_listsExactlyTheDescriptorsProperties() {
        Set<String> inDescriptor = new TreeSet<>();
        m1goParameters().forEach(p -> inDescriptor.add(p.property()));
        assertThat(inDescriptor).containsExactlyInAnyOrderElementsOf(PropertyNames.ALL);
    }

    @Test
    void readmeTable_listsExactlyTheDescriptorsProperties_andStatesTheRuleOnce() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        int start = readme.indexOf("\n## Parameters\n");
        int end = readme.indexOf("\n## ", start + 5);
        String section = readme.substring(start, end);
        Set<String> inTable = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\| `(m1go\\.[A-Za-z.]+)` \\|").matcher(section);
        while (m.find()) {
            inTable.add(m.group(1));
        }
        Set<String> inDescriptor = new TreeSet<>();
        m1goParameters().forEach(p -> inDescriptor.add(p.property()));
        assertThat(inTable).isEqualTo(inDescriptor);
        assertThat(section.replaceAll("\\s+", " ")).contains("`m1go.container.image` is `<containerImage>`");
    }

    @Test
    void pom_reportsTheGoalsInTheSite_withThePluginToolsVersion() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        String reporting = pom.substring(pom.indexOf("<reporting>"), pom.indexOf("</reporting>"));
        assertThat(reporting)
                .contains("<artifactId>maven-plugin-report-plugin</artifactId>")
                .contains("<version>${maven.plugin.tools.version}</version>");
    }
}
