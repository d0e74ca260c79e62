import Engine
import Lab
import Testing

// Fingerprint.swift: FNV-1a over exact bits, checked against the same bytes
// hashed by a separate implementation (Python's struct + the FNV-1a loop):
//   fnv(b"a" + pack("<Q", 1))                                   = dedf9f982e43402d
//   … + pack("<Q", 1) + pack("<Q", 2) + pack("<d", 1.0) + pack("<d", -0.0) = b8c0f36b48147e2f
//   pack("<Q", 1) + pack("<Q", 2) + pack("<d", 1.0) + pack("<d", 0.0)      = 3ddbe7f937f3f937

@Suite struct FingerprintTests {
    @Test func agreesWithASecondImplementation() throws {
        var f = Fingerprint()
        f.add("a")
        #expect(f.code == "dedf9f982e43402d")
        f.add(try Tensor(shape: [2], data: [1.0, -0.0]))
        #expect(f.code == "b8c0f36b48147e2f")
        var g = Fingerprint()
        g.add(try Tensor(shape: [2], data: [1.0, 0.0]))
        #expect(g.code == "3ddbe7f937f3f937")
        #expect(Fingerprint().code == "cbf29ce484222325")   // FNV-1a's offset basis: nothing added
    }

    /// The last bit of one number, or a shape, changes the code.
    @Test func everyBitCounts() throws {
        func code(_ shape: [Int], _ data: [Double]) throws -> String {
            var f = Fingerprint()
            f.add(try Tensor(shape: shape, data: data))
            return f.code
        }
        let x = 0.1
        #expect(try code([2], [x, 1]) != code([2], [x.nextUp, 1]))
        #expect(try code([2], [1, 2]) != code([1, 2], [1, 2]))
        #expect(try code([2], [1, 2]) == code([2], [1, 2]))
    }
}
