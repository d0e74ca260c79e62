// The smallest min-max game: V(x, y) = x·y, x minimises, y maximises.
// Its only Nash equilibrium is (0, 0). Gradient steps:
//   simultaneous  x ← x − η y,  y ← y + η x       radius × √(1 + η²) each step: spirals out
//   alternating   x ← x − η y,  y ← y + η x_new   a map of determinant 1: stays on a closed orbit
// This is why GAN training, a min-max game, can circle or blow up.

public enum MinMaxGame {
    public struct Point: Equatable, Sendable {
        public var x: Double, y: Double
        public init(x: Double, y: Double) { self.x = x; self.y = y }
    }

    public static func value(_ p: Point) -> Double { p.x * p.y }

    public static func simultaneous(steps: Int, learningRate eta: Double, from start: Point = Point(x: 1, y: 1)) -> [Point] {
        var p = start, out = [p]
        for _ in 0..<steps {
            p = Point(x: p.x - eta * p.y, y: p.y + eta * p.x)
            out.append(p)
        }
        return out
    }

    public static func alternating(steps: Int, learningRate eta: Double, from start: Point = Point(x: 1, y: 1)) -> [Point] {
        var p = start, out = [p]
        for _ in 0..<steps {
            p.x -= eta * p.y
            p.y += eta * p.x
            out.append(p)
        }
        return out
    }
}
