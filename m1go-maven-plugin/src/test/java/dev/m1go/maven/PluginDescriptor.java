package dev.m1go.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The plugin descriptor that maven-plugin-plugin generated from the mojos (what Maven itself reads). */
record PluginDescriptor(Map<String, List<Param>> goals) {

    static final Path FILE = Path.of("target/classes/META-INF/maven/plugin.xml");

    /** One parameter of one goal as the descriptor states it. */
    record Param(
            String goal,
            String name,
            String type,
            String property,
            String defaultValue,
            String since,
            boolean editable,
            String description) {}

    static PluginDescriptor read() throws Exception {
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(FILE.toFile());
        Map<String, List<Param>> goals = new LinkedHashMap<>();
        NodeList mojos = d.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            String goal = text(mojo, "goal");
            Map<String, Element> config = new LinkedHashMap<>();
            Element configuration = child(mojo, "configuration");
            if (configuration != null) {
                for (Node n = configuration.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element e) {
                        config.put(e.getTagName(), e);
                    }
                }
            }
            List<Param> params = new ArrayList<>();
            Element parameters = child(mojo, "parameters");
            for (Node n = parameters == null ? null : parameters.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element p) {
                    String name = text(p, "name");
                    Element c = config.get(name);
                    String expression = c == null ? null : c.getTextContent().trim();
                    String property = expression != null && expression.startsWith("${") && expression.endsWith("}")
                            ? expression.substring(2, expression.length() - 1)
                            : null;
                    String def = c == null || !c.hasAttribute("default-value") ? null : c.getAttribute("default-value");
                    params.add(new Param(
                            goal,
                            name,
                            text(p, "type"),
                            property,
                            def,
                            text(p, "since"),
                            !"false".equals(text(p, "editable")),
                            text(p, "description")));
                }
            }
            goals.put(goal, params);
        }
        return new PluginDescriptor(goals);
    }

    List<Param> all() {
        return goals.values().stream().flatMap(List::stream).toList();
    }

    private static Element child(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element parent, String tag) {
        Element e = child(parent, tag);
        return e == null ? null : e.getTextContent().trim();
    }
}
