import QtQuick
import QtQuick.Shapes

// A trend drawn with Qt Quick Shapes (no Qt Charts: the app is a QGuiApplication). The usual range
// is a shaded band; each point's marker has a shape for its flag (▲ high, ▼ low, ◆ outside the
// usual range, ● otherwise), so colour is never the only signal. Blood pressure draws two lines.
// `trend` is a TrendModel (or a fake with the same properties and chartPoints()).
Item {
    id: chart
    property var trend: null
    implicitHeight: Math.round(220 * Math.max(1, Theme.textScale * 0.8))
    implicitWidth: 320

    Accessible.role: Accessible.Chart
    Accessible.name: trend ? qsTr("Chart: %1. %2").arg(trend.title).arg(trend.summaryText) : qsTr("Chart")
    Accessible.description: qsTr("Turn on \"Show as a table\" to hear every result.")

    // Recomputed when the model changes (count is notified with every change).
    readonly property var points: trend && trend.count >= 0 ? trend.chartPoints() : []
    readonly property bool twoLines: trend ? trend.twoLines : false
    readonly property real span: trend ? Math.max(trend.maxValue - trend.minValue, Math.abs(trend.maxValue) * 0.1, 1) : 1
    readonly property real lo: trend ? trend.minValue - span * 0.12 : 0
    readonly property real hi: trend ? trend.maxValue + span * 0.12 : 1
    readonly property real t0: trend ? trend.firstTime : 0
    readonly property real t1: trend ? trend.lastTime : 1

    readonly property int axisWidth: Math.round(52 * Theme.textScale)
    readonly property int axisHeight: Math.round(28 * Theme.textScale)
    readonly property real plotX: axisWidth
    readonly property real plotW: Math.max(1, width - axisWidth - 12)
    readonly property real plotH: Math.max(1, height - axisHeight - 8)

    function xFor(time) {
        return t1 > t0 ? plotX + (time - t0) / (t1 - t0) * plotW : plotX + plotW / 2;
    }
    function yFor(v) {
        return 4 + plotH - (v - lo) / (hi - lo) * plotH;
    }
    function linePoints(key) {
        const out = [];
        for (let i = 0; i < points.length; ++i) {
            const v = points[i][key];
            if (v !== undefined && !isNaN(v))
                out.push(Qt.point(xFor(points[i].time), yFor(v)));
        }
        return out;
    }
    function label(v) {
        return Number(v).toLocaleString(Qt.locale(), "f", Math.abs(v) < 10 ? 1 : 0);
    }

    Rectangle {
        anchors.fill: parent
        color: Theme.cardBackground
    }

    // The usual range band (from the latest result), drawn first so lines sit on top.
    Rectangle {
        objectName: "rangeBand"
        visible: chart.trend !== null && chart.trend.hasRange && chart.points.length > 0
        readonly property real bandTop: chart.trend && !isNaN(chart.trend.rangeHigh) ? chart.yFor(chart.trend.rangeHigh) : 4
        readonly property real bandBottom: chart.trend && !isNaN(chart.trend.rangeLow) ? chart.yFor(chart.trend.rangeLow) : 4 + chart.plotH
        x: chart.plotX
        y: bandTop
        width: chart.plotW
        height: Math.max(1, bandBottom - bandTop)
        color: Theme.flagGreenBackground
        border.color: Theme.flagGreen
        border.width: 1
        opacity: 0.9
    }

    // Axis: lowest and highest values, first and last dates.
    Rectangle { x: chart.plotX; y: 4; width: 1; height: chart.plotH; color: Theme.border }
    Rectangle { x: chart.plotX; y: 4 + chart.plotH; width: chart.plotW; height: 1; color: Theme.border }
    Repeater {
        model: chart.points.length > 0 ? [chart.lo + chart.span * 0.12, chart.hi - chart.span * 0.12] : []
        delegate: Text {
            required property var modelData
            x: 0
            width: chart.axisWidth - 6
            y: chart.yFor(modelData) - height / 2
            horizontalAlignment: Text.AlignRight
            text: chart.label(modelData)
            color: Theme.secondaryText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            Accessible.ignored: true
        }
    }
    Text {
        visible: chart.points.length > 0
        x: chart.plotX
        y: chart.plotH + 8
        text: chart.points.length > 0 ? new Date(chart.t0).toLocaleDateString(Qt.locale(), "MMM yyyy") : ""
        color: Theme.secondaryText
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontSmall
        Accessible.ignored: true
    }
    Text {
        visible: chart.points.length > 1
        x: chart.plotX + chart.plotW - width
        y: chart.plotH + 8
        text: chart.points.length > 0 ? new Date(chart.t1).toLocaleDateString(Qt.locale(), "MMM yyyy") : ""
        color: Theme.secondaryText
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontSmall
        Accessible.ignored: true
    }

    Shape {
        anchors.fill: parent
        ShapePath {
            strokeColor: Theme.accent
            strokeWidth: 2
            fillColor: "transparent"
            PathPolyline { path: chart.linePoints("value") }
        }
        ShapePath {
            strokeColor: chart.twoLines ? Theme.secondaryText : "transparent"
            strokeWidth: 2
            strokeStyle: ShapePath.DashLine
            dashPattern: [4, 3]
            fillColor: "transparent"
            PathPolyline { path: chart.twoLines ? chart.linePoints("value2") : [] }
        }
    }

    // Markers: one per value (two per blood pressure reading).
    Repeater {
        objectName: "markers"
        model: chart.points.length <= 600 ? chart.points.length * (chart.twoLines ? 2 : 1) : 0
        delegate: Text {
            required property int index
            readonly property bool second: index >= chart.points.length
            readonly property var point: chart.points[second ? index - chart.points.length : index]
            readonly property real value: point ? (second ? point.value2 : point.value) : NaN
            readonly property string flag: point ? point.flag : ""
            visible: !isNaN(value) && value !== undefined
            text: flag === "high" ? "▲" : flag === "low" ? "▼" : flag === "abnormal" ? "◆" : (second ? "■" : "●")
            color: flag === "high" || flag === "low" || flag === "abnormal" ? Theme.flagRed
                                                                            : (second ? Theme.secondaryText : Theme.accent)
            font.pixelSize: Math.round(12 * Math.min(Theme.textScale, 1.5))
            x: point ? chart.xFor(point.time) - width / 2 : 0
            y: visible ? chart.yFor(value) - height / 2 : 0
            Accessible.ignored: true
        }
    }
}
