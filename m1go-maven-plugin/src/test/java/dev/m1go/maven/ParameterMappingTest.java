package dev.m1go.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every parameter of every goal reaches the settings the goal hands to the engine under its own name, and no other
 * setting moves: a mojo that passed {@code timeoutSeconds} where {@code buildTimeoutSeconds} belongs (adjacent ints
 * in an 18-argument constructor) fails here. The parameters come from the generated descriptor, so a new one cannot
 * be forgotten. "Its own name" is the element name, or for a goal-scoped property ({@code m1go.doctor.failOn}) the
 * element name without the goal ({@code failOn}).
 */
class ParameterMappingTest {

    private static final Map<String, Supplier<AbstractM1goMojo>> GOALS = Map.of(
            "reproduce",
            ReproduceMojo::new,
            "doctor",
            DoctorMojo::new,
            "merge",
            MergeMojo::new,
            "classify",
            ClassifyMojo::new,
            "inspect",
            InspectMojo::new,
            "minimize",
            MinimizeMojo::new);

    @ParameterizedTest
    @ValueSource(strings = {"reproduce", "doctor", "merge", "classify", "inspect", "minimize"})
    void everyParameter_reachesTheSettingOfItsOwnName_andNoOther(String goal) throws Exception {
        List<PluginDescriptor.Param> params = PluginDescriptor.read().goals().get(goal).stream()
                .filter(p -> p.editable() && p.property() != null && !skipSwitch(p))
                .toList();
        assertThat(params).isNotEmpty();
        Path home = Path.of("/home/u");
        Map<String, String> env = Map.of("PATH", "/bin");
        int distinct = 1000;
        for (PluginDescriptor.Param p : params) {
            AbstractM1goMojo mojo = withDefaults(goal, params);
            Map<String, Object> before = components(List.of(mojo.request(env, home)));
            Object given = set(mojo, p, distinct++);
            Map<String, Object> after = components(List.of(mojo.request(env, home)));

            TreeSet<String> moved = new TreeSet<>();
            after.forEach((k, v) -> {
                if (!java.util.Objects.equals(before.get(k), v)) {
                    moved.add(k);
                }
            });
            String own = ownName(goal, p.name());
            assertThat(moved)
                    .as("%s: setting <%s> moved these settings", goal, p.name())
                    .containsExactly(own);
            assertThat(reflects(after.get(own), given))
                    .as("%s: <%s>=%s arrived as %s", goal, p.name(), given, after.get(own))
                    .isTrue();
        }
    }

    /**
     * Maven injects an empty element of a list parameter ({@code -Dm1go.args=a,,end}, {@code <arg></arg>}) as null;
     * every goal turns that into an error naming the property and the position, never a NullPointerException.
     */
    @ParameterizedTest
    @ValueSource(strings = {"reproduce", "doctor", "merge", "classify", "inspect", "minimize"})
    void everyListParameter_withAnEmptyElement_isAnErrorNamingItsPropertyAndPosition(String goal) throws Exception {
        List<PluginDescriptor.Param> params = PluginDescriptor.read().goals().get(goal).stream()
                .filter(p -> p.editable() && p.property() != null && !skipSwitch(p))
                .toList();
        for (PluginDescriptor.Param p :
                params.stream().filter(p -> p.type().equals("java.util.List")).toList()) {
            AbstractM1goMojo mojo = withDefaults(goal, params);
            field(mojo, p.name()).set(mojo, java.util.Arrays.asList("a", null, "end"));
            assertThatThrownBy(() -> mojo.request(Map.of("PATH", "/bin"), Path.of("/home/u")))
                    .as("%s: <%s> with a null element", goal, p.name())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(p.property() + " has an empty element at position 2 of 3");
        }
    }

    private static boolean skipSwitch(PluginDescriptor.Param p) {
        return p.name().equals("skip")
                || p.name().endsWith("Skip")
                || p.name().equals("skipTests")
                || p.name().equals("skipITs");
    }

    private static String ownName(String goal, String element) {
        if (element.startsWith(goal) && element.length() > goal.length()) {
            String rest = element.substring(goal.length());
            return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
        }
        return element;
    }

    /** A mojo with every parameter at its descriptor default, as Maven would inject it. */
    private static AbstractM1goMojo withDefaults(String goal, List<PluginDescriptor.Param> params) throws Exception {
        AbstractM1goMojo mojo = GOALS.get(goal).get();
        for (PluginDescriptor.Param p : params) {
            if (p.defaultValue() == null) {
                continue;
            }
            Field f = field(mojo, p.name());
            switch (p.type()) {
                case "boolean" -> f.setBoolean(mojo, Boolean.parseBoolean(p.defaultValue()));
                case "int" -> f.setInt(mojo, Integer.parseInt(p.defaultValue()));
                case "long" -> f.setLong(mojo, Long.parseLong(p.defaultValue()));
                case "java.io.File" -> f.set(mojo, new File(p.defaultValue()));
                default -> f.set(mojo, p.defaultValue());
            }
        }
        return mojo;
    }

    /** Sets one parameter to a value no other parameter has; returns what was set. */
    private static Object set(AbstractM1goMojo mojo, PluginDescriptor.Param p, int distinct) throws Exception {
        Field f = field(mojo, p.name());
        switch (p.type()) {
            case "boolean" -> {
                boolean v = !f.getBoolean(mojo);
                f.setBoolean(mojo, v);
                return v;
            }
            case "int" -> {
                f.setInt(mojo, distinct);
                return distinct;
            }
            case "long" -> {
                f.setLong(mojo, distinct);
                return (long) distinct;
            }
            case "java.io.File" -> {
                File v = new File("/given/" + p.name());
                f.set(mojo, v);
                return v.toPath();
            }
            case "java.lang.String" -> {
                String v = "given-" + p.name();
                f.set(mojo, v);
                return v;
            }
            case "java.util.List" -> {
                List<String> v = List.of("given-" + p.name());
                f.set(mojo, v);
                return v;
            }
            case "java.lang.Integer" -> {
                f.set(mojo, distinct);
                return distinct;
            }
            default -> throw new AssertionError("no test value for type " + p.type() + " of " + p.name());
        }
    }

    private static boolean reflects(Object arrived, Object given) {
        return given.equals(arrived) || List.of(given).equals(arrived);
    }

    private static Field field(Object mojo, String name) throws NoSuchFieldException {
        for (Class<?> c = mojo.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(name);
    }

    /** Every component of every settings record, by name; a name given twice must agree. */
    private static Map<String, Object> components(List<Record> records) throws Exception {
        Map<String, Object> all = new LinkedHashMap<>();
        for (Record r : records) {
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                Object value = c.getAccessor().invoke(r);
                if (value instanceof Record nested) {
                    all.putAll(components(List.of(nested))); // a group of settings, e.g. stress mode's
                } else {
                    all.put(c.getName(), value);
                }
            }
        }
        return all;
    }
}
