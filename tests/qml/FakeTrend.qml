import QtQuick

// Stands in for hearth::TrendModel: the same properties, roles and chartPoints().
ListModel {
    id: fake
    property int status: 3
    property string errorText: ""
    property string title: "HbA1c"
    property string unitText: "mmol/mol"
    property bool twoLines: false
    property string lineName: "HbA1c"
    property string line2Name: ""
    property real minValue: 0
    property real maxValue: 1
    property real firstTime: 0
    property real lastTime: 0
    property bool hasRange: true
    property real rangeLow: 20
    property real rangeHigh: 41
    property string rangeText: "Usual range: 20 to 41 mmol/mol"
    property string separateText: ""
    property string summaryText: ""
    property var points: []

    function chartPoints() { return points }

    // n points, one every 30 days from 1 January 2020; every 7th is high.
    function make(n, withSecondLine) {
        clear();
        const list = [];
        let lo = rangeLow, hi = rangeHigh;
        for (let i = 0; i < n; ++i) {
            const time = Date.UTC(2020, 0, 1) + i * 30 * 86400000;
            const value = 30 + (i % 20);
            const flag = i % 7 === 0 ? "high" : "normal";
            const p = { time: time, value: value, flag: flag };
            if (withSecondLine)
                p.value2 = value - 10;
            list.push(p);
            lo = Math.min(lo, withSecondLine ? value - 10 : value);
            hi = Math.max(hi, value);
            const dateText = "Result " + (i + 1);
            append({ time: time, dateText: dateText, value: value, value2: withSecondLine ? value - 10 : NaN,
                     valueText: value + " mmol/mol", flag: flag, flagText: flag === "high" ? "High" : "Normal",
                     colourRole: flag === "high" ? "alert" : "ok",
                     tableText: dateText + ": " + value + " mmol/mol, " + flag, observationId: "o" + i });
        }
        points = list;
        twoLines = withSecondLine;
        line2Name = withSecondLine ? "Diastolic (lower number)" : "";
        minValue = lo;
        maxValue = hi;
        firstTime = n > 0 ? list[0].time : 0;
        lastTime = n > 0 ? list[n - 1].time : 0;
        summaryText = n + " results";
        status = n > 0 ? 3 : 1;
    }
}
