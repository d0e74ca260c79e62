import Engine
import Foundation
import Testing

/// The Fréchet distance against SciPy (Reference/frechet.py: sqrtm, as FID
/// implementations compute it), and the eigen-solver it rests on by hand.
@Suite struct FrechetDistanceTests {
    @Test func eigenvaluesOfASmallMatrixByHand() throws {
        // [[2 1] [1 2]]: λ = 1 and 3, vectors (1, −1)/√2 and (1, 1)/√2
        let e = try SymmetricEigen(Tensor(rows: [[2, 1], [1, 2]]))
        #expect(e.values.sorted().enumerated().allSatisfy { abs($0.element - [1.0, 3.0][$0.offset]) < 1e-14 })
        let big = e.values[0] > e.values[1] ? 0 : 1
        #expect(abs(abs(e.vectors[0, big]) - 0.5.squareRoot()) < 1e-14 && abs(e.vectors[0, big] - e.vectors[1, big]) < 1e-14)
    }

    /// A = V diag(λ) Vᵀ and VᵀV = I for a 6×6 symmetric matrix.
    @Test func eigenvectorsRebuildTheMatrix() throws {
        var r = SeededGenerator(seed: 3)
        let x = try Tensor.randn([6, 6], using: &r)
        let a = try x.matmul(x.transposed)
        let e = try SymmetricEigen(a)
        let vl = try Tensor(shape: [6, 6], data: (0..<36).map { e.vectors.data[$0] * e.values[$0 % 6] })
        let back = try vl.matmul(e.vectors.transposed)
        #expect(zip(back.data, a.data).allSatisfy { abs($0 - $1) < 1e-12 })
        let eye = try e.vectors.transposed.matmul(e.vectors)
        for i in 0..<6 { for j in 0..<6 { #expect(abs(eye[i, j] - (i == j ? 1 : 0)) < 1e-13) } }
    }

    @Test func agreesWithSciPyOnFixedStatistics() throws {
        let fd = try FrechetDistance.distance(
            mean1: Tensor(rows: [[0.5, -1, 2]]), covariance1: Tensor(rows: [[2, 0.3, 0.1], [0.3, 1, -0.2], [0.1, -0.2, 0.5]]),
            mean2: Tensor(rows: [[0, 0.5, 1.5]]), covariance2: Tensor(rows: [[1, -0.4, 0], [-0.4, 0.8, 0.1], [0, 0.1, 1.5]]))
        #expect(abs(fd - 3.528023492011770) < 1e-12)
    }

    @Test func agreesWithSciPyOnRows() throws {
        func entryA(_ i: Int, _ j: Int) -> Double {
            let wrapped: Double = (Double(i) * 0.37).truncatingRemainder(dividingBy: 1.3)
            return wrapped + Double(j) * 0.11 + 0.4 * cos(Double(i * j) * 1.7 + Double(i)) + sin(Double(i * 4 + j))
        }
        func entryB(_ i: Int, _ j: Int) -> Double {
            let k = Double(i * 4 + j)
            return cos(k * 0.7) * 1.5 + 0.2 + 0.3 * sin(k * k * 0.13)
        }
        let a = try Tensor(rows: (0..<9).map { i in (0..<4).map { j in entryA(i, j) } })
        let b = try Tensor(rows: (0..<7).map { i in (0..<4).map { j in entryB(i, j) } })
        let fd = try FrechetDistance.distance(a, b)
        #expect(abs(fd - 2.605398105377494) < 1e-12, "\(fd)")
        #expect(abs(try FrechetDistance.distance(a, a)) < 1e-12)   // a set against itself: 0
        #expect(throws: EngineError.self) { try FrechetDistance.distance(a, try Tensor(rows: [[1, 2, 3, 4]])) }   // one row: no covariance
    }
}
