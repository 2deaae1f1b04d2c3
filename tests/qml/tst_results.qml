import QtQuick
import QtTest
import Hearth

// The test results section with fake models: the four list states, list → detail → trend on the
// section's own StackView with back(), and the trend's accessible table listing every point.
Item {
    id: host
    width: 360
    height: 740

    Component { id: sectionComponent; ResultsSection { anchors.fill: parent } }
    Component { id: resultsComponent; FakeResults { } }
    Component { id: detailComponent; FakeResultDetail { } }
    Component { id: trendComponent; FakeTrend { } }
    Component { id: controllerComponent; QtObject { property var testResults: null } }
    Component { id: chartComponent; TrendChart { width: 340 } }
    Component { id: tableComponent; TrendChartTable { width: 340 } }

    TestCase {
        id: tc
        name: "Results"
        when: windowShown

        function cleanup() {
            Theme.textScale = 1.0;
            Theme.dark = false;
        }

        function makeSection(entries) {
            const results = createTemporaryObject(resultsComponent, tc);
            results.detail = createTemporaryObject(detailComponent, tc);
            results.trend = createTemporaryObject(trendComponent, tc);
            if (entries !== undefined)
                results.fill(entries);
            const controller = createTemporaryObject(controllerComponent, tc, { testResults: results });
            const section = createTemporaryObject(sectionComponent, host, { controller: controller });
            verify(section);
            return { section: section, results: results };
        }

        function entriesOf(section) {
            const list = findChild(section, "resultsList");
            const out = [];
            for (let i = 0; i < list.contentItem.children.length; ++i) {
                const item = list.contentItem.children[i];
                if (item.objectName === "resultEntry")
                    out.push(item);
            }
            out.sort((a, b) => a.index - b.index);
            return out;
        }

        function sampleEntries() {
            return [
                { entryId: "dr-fbc", title: "Full blood count", dateText: "3 May 2024",
                  summaryText: "2 results, 1 outside the usual range", flag: "abnormal", flagText: "Outside the usual range" },
                { entryId: "obs-k", resourceType: "Observation", kind: "single", title: "Serum potassium",
                  dateText: "2 February 2021", summaryText: "less than 3.2 mmol/L", flag: "low", flagText: "Low" },
                { entryId: "dr-hba1c", title: "HbA1c", dateText: "10 January 2024", statusCode: "preliminary",
                  statusText: "Preliminary – this may change", summaryText: "1 result", flag: "high", flagText: "High" }
            ];
        }

        function test_content_flags_in_words() {
            const s = makeSection(sampleEntries());
            waitForRendering(s.section);
            const entries = entriesOf(s.section);
            compare(entries.length, 3);
            compare(entries[0].title, "Full blood count");
            // Flags in words (the colour only supports them).
            compare(entries.map(e => findChild(e, "entryFlag").text), ["Outside the usual range", "Low", "High"]);
            verify(entries.every(e => findChild(e, "entryFlag").visible));
            compare(findChild(s.section, "resultsUpdated").text, "Updated 5 minutes ago");
            verify(findChild(s.section, "resultsUpdated").visible);
            verify(!findChild(s.section, "resultsEmpty").visible);
            verify(!findChild(s.section, "resultsError").visible);
            compare(testHelper.accessibleName(findChild(entries[1], "entryCard")), "Serum potassium");
        }

        function test_empty_state() {
            const s = makeSection([]);
            compare(s.results.status, 1);
            verify(findChild(s.section, "resultsEmpty").visible);
            compare(findChild(s.section, "resultsEmpty").text, "No test results recorded");
        }

        function test_loading_state() {
            const s = makeSection();
            s.results.status = 0;
            verify(findChild(s.section, "resultsLoading").visible);
        }

        function test_error_state_with_try_again() {
            const s = makeSection([]);
            s.results.errorText = "Your test results could not be opened on this device. Please try again.";
            s.results.status = 2;
            verify(findChild(s.section, "resultsError").visible);
            compare(findChild(s.section, "resultsErrorText").text, s.results.errorText);
            mouseClick(findChild(s.section, "resultsRetry"));
            compare(s.results.reloads, 1);
        }

        function test_list_detail_trend_and_back() {
            const s = makeSection(sampleEntries());
            s.results.detail.fill([
                { observationId: "obs-hb", title: "Haemoglobin", valueText: "128 g/L", rangeText: "115 to 165 g/L",
                  flag: "normal", flagText: "Normal" },
                { observationId: "obs-wbc", title: "White blood cell count", valueText: "11.8 ×10⁹/L",
                  rangeText: "4 to 11 ×10⁹/L", flag: "high", flagText: "High" },
                { observationId: "obs-ecg", title: "Electrocardiogram", valueText: "This entry can't be shown here",
                  unsupported: true, unsupportedText: "Type: SampledData", canTrend: false }
            ]);
            s.results.trend.make(12, false);
            waitForRendering(s.section);
            const stack = findChild(s.section, "resultsStack");
            const first = findChild(entriesOf(s.section)[0], "entryCard");
            mouseClick(first);
            compare(s.results.opened[0], "DiagnosticReport/dr-fbc");
            tryCompare(stack, "depth", 2);
            tryCompare(stack, "busy", false);
            const detail = stack.currentItem;
            compare(detail.objectName, "resultDetailPage");
            compare(findChild(detail, "detailTitle").text, "Full blood count");
            verify(findChild(detail, "conclusionCard").visible);
            waitForRendering(detail);
            const rows = [];
            const column = findChild(detail, "detailTitle").parent;
            for (let i = 0; i < column.children.length; ++i)
                if (column.children[i].objectName === "resultRow")
                    rows.push(column.children[i]);
            compare(rows.length, 3);
            verify(findChild(rows[1], "trendButton").visible);
            verify(!findChild(rows[2], "trendButton").visible);
            mouseClick(findChild(rows[1], "trendButton"));
            compare(s.results.opened[1], "trend:obs-wbc");
            tryCompare(stack, "depth", 3);
            tryCompare(stack, "busy", false);
            compare(stack.currentItem.objectName, "trendPage");
            verify(s.section.back());
            tryCompare(stack, "depth", 2);
            verify(s.section.back());
            tryCompare(stack, "depth", 1);
            verify(!s.section.back());
        }

        function test_table_lists_every_point_of_500() {
            const trend = createTemporaryObject(trendComponent, tc);
            trend.make(500, false);
            const table = createTemporaryObject(tableComponent, host, { trend: trend });
            compare(testHelper.accessibleRole(table), 0x18);   // QAccessible::Table
            const rows = [];
            for (let i = 0; i < table.children.length; ++i)
                if (table.children[i].objectName === "tableRow")
                    rows.push(table.children[i]);
            compare(rows.length, 500);
            rows.sort((a, b) => a.index - b.index);
            for (let i = 0; i < 500; ++i) {
                compare(testHelper.accessibleName(rows[i]), trend.get(i).tableText);
            }
            compare(testHelper.accessibleRole(rows[0]), 0x1C);   // QAccessible::Row
        }

        function test_trend_page_toggle_shows_table() {
            const s = makeSection(sampleEntries());
            s.results.trend.make(30, false);
            s.section.openTrend("obs-wbc");
            const stack = findChild(s.section, "resultsStack");
            tryCompare(stack, "busy", false);
            const page = stack.currentItem;
            const table = findChild(page, "trendTable");
            verify(!table.visible);
            const toggle = findChild(page, "tableToggle");
            compare(testHelper.accessibleName(toggle), "Show as a table");
            toggle.toggle();
            verify(table.visible);
        }

        function test_blood_pressure_chart_two_lines_band_and_markers() {
            const trend = createTemporaryObject(trendComponent, tc);
            trend.make(20, true);
            Theme.textScale = 2.0;
            Theme.dark = true;
            const chart = createTemporaryObject(chartComponent, host, { trend: trend });
            waitForRendering(chart);
            verify(findChild(chart, "rangeBand").visible);
            verify(findChild(chart, "rangeBand").height > 1);
            const markers = findChild(chart, "markers");
            compare(markers.count, 40);     // a marker for each value of each line
            compare(testHelper.accessibleRole(chart), 0x11);   // QAccessible::Chart
            // A high value's marker is a triangle, not only red.
            let triangles = 0;
            for (let i = 0; i < markers.count; ++i)
                if (markers.itemAt(i).text === "▲")
                    triangles += 1;
            compare(triangles, 6);          // points 0, 7, 14 on both lines
        }

        // Screenshots for review (kept when HEARTH_SCREENSHOT_DIR is set): list, detail, trend; light and dark.
        function test_screenshots() {
            for (const dark of [false, true]) {
                Theme.dark = dark;
                const suffix = dark ? "-dark" : "-light";
                const s = makeSection(sampleEntries());
                s.results.detail.fill([
                    { observationId: "obs-hb", title: "Haemoglobin", valueText: "128 g/L", rangeText: "115 to 165 g/L", flag: "normal", flagText: "Normal" },
                    { observationId: "obs-wbc", title: "White blood cell count", valueText: "11.8 ×10⁹/L", rangeText: "4 to 11 ×10⁹/L", flag: "high", flagText: "High" }
                ]);
                s.results.trend.make(24, true);
                s.results.trend.title = "Blood pressure";
                s.results.trend.lineName = "Systolic (upper number)";
                s.results.trend.unitText = "mmHg";
                waitForRendering(s.section);
                verify(testHelper.saveWindow(host.Window.window, testHelper.screenshotDir + "/results-list" + suffix + ".png"));
                s.section.openEntry("dr-fbc", "DiagnosticReport");
                const stack = findChild(s.section, "resultsStack");
                tryCompare(stack, "busy", false);
                waitForRendering(s.section);
                verify(testHelper.saveWindow(host.Window.window, testHelper.screenshotDir + "/results-detail" + suffix + ".png"));
                s.section.openTrend("obs-bp");
                tryCompare(stack, "busy", false);
                findChild(stack.currentItem, "tableToggle").toggle();
                waitForRendering(s.section);
                verify(testHelper.saveWindow(host.Window.window, testHelper.screenshotDir + "/results-trend" + suffix + ".png"));
                s.section.destroy();
            }
        }

        function test_phone_width_large_text_does_not_overflow() {
            Theme.textScale = 2.0;
            const s = makeSection(sampleEntries());
            waitForRendering(s.section);
            const entries = entriesOf(s.section);
            for (let i = 0; i < entries.length; ++i) {
                const card = findChild(entries[i], "entryCard");
                verify(card.x >= 0);
                verify(card.x + card.width <= host.width);
            }
        }
    }
}
