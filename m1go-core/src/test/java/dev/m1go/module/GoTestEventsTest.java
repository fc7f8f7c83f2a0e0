package dev.m1go.module;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GoTestEventsTest {

    @Test
    void parse_givesEachTestItsLastAction_outputAndElapsed_inStartOrder() {
        String events = """
                {"Action":"start","Package":"example.com/m"}
                {"Action":"run","Package":"example.com/m","Test":"TestA"}
                {"Action":"output","Package":"example.com/m","Test":"TestA","Output":"=== RUN   TestA\\n"}
                {"Action":"output","Package":"example.com/m","Test":"TestA","Output":"    a_test.go:9: sum = 7\\n"}
                {"Action":"fail","Package":"example.com/m","Test":"TestA","Elapsed":0.25}
                {"Action":"run","Package":"example.com/m","Test":"TestB"}
                {"Action":"skip","Package":"example.com/m","Test":"TestB","Elapsed":0}
                {"Action":"run","Package":"example.com/m","Test":"TestC"}
                {"Action":"output","Package":"example.com/m","Test":"TestC","Output":"SIGSEGV: segmentation violation\\n"}
                {"Action":"fail","Package":"example.com/m","Elapsed":0.3}
                {"Action":"outp""";
        List<GoTestEvents.Test> tests = GoTestEvents.parse(events);
        assertThat(tests).extracting(GoTestEvents.Test::name).containsExactly("TestA", "TestB", "TestC");
        assertThat(tests.get(0).action()).isEqualTo("fail");
        assertThat(tests.get(0).elapsedSeconds()).isEqualTo(0.25);
        assertThat(tests.get(0).output()).contains("sum = 7");
        assertThat(tests.get(1).action()).isEqualTo("skip");
        assertThat(tests.get(2).finished()).isFalse();
    }

    @Test
    void elapsed_fromTheResultLine_whenTheEventCarriesNone() {
        List<GoTestEvents.Test> tests = GoTestEvents.parse("""
                {"Action":"run","Test":"TestHash"}
                {"Action":"output","Test":"TestHash","Output":"--- PASS: TestHash (0.17s)\\n"}
                {"Action":"pass","Test":"TestHash"}
                """);
        assertThat(tests.get(0).elapsedSeconds()).isEqualTo(0.17);
    }
}
