import Dispatch

// Causal self-attention for all heads as one differentiable operation, so a
// training step builds one graph node per layer instead of ten per head.
// For each batch item and head h (columns h·d_k ..< (h+1)·d_k of Q, K, V):
//   s_ij = (q_i · k_j) / √d_k  for j ≤ i          (later keys are masked out)
//   w_ij = e^{s_ij − max_j s} / Σ_j e^{s_ij − max_j s}
//   o_i  = Σ_{j ≤ i} w_ij v_j
// Pullback, with g = ∂L/∂o:
//   ∂w_ij = g_i · v_j,   ∂v_j = Σ_{i ≥ j} w_ij g_i
//   ∂s_ij = w_ij (∂w_ij − Σ_j' w_ij' ∂w_ij')
//   ∂q_i = Σ_j ∂s_ij k_j / √d_k,   ∂k_j = Σ_{i ≥ j} ∂s_ij q_i / √d_k
// Each head's products go through the matrix kernel and e^x is FastExp, so
// the result has the same bits as Q Kᵀ, scaling, the −∞ mask, softmax and
// the product with V done one by one (tested).

/// One head of one batch item, copied out contiguous: rows of Q, K, V, G (T×d_k).
struct HeadSlices {
    let t: Int, d: Int, dk: Int
    /// Copy columns c0 ..< c0+d_k of rows base ..< base+T of x (row width d) into dst (T×d_k).
    @inline(__always)
    func gather(_ x: UnsafeBufferPointer<Double>, _ offset: Int, into dst: UnsafeMutablePointer<Double>) {
        for i in 0..<t { for c in 0..<dk { dst[i * dk + c] = x[offset + i * d + c] } }
    }
    /// Add dst (T×d_k) back into columns of x.
    @inline(__always)
    func scatter(_ src: UnsafePointer<Double>, into x: UnsafeMutableBufferPointer<Double>, _ offset: Int) {
        for i in 0..<t { for c in 0..<dk { x[offset + i * d + c] = src[i * dk + c] } }
    }
}

/// Run `body` over the batch items, in two halves on two cores when there is
/// enough work. Items write disjoint parts of the results, so nothing races
/// and the numbers are the same either way.
func splitBatch(_ batch: Int, work: Int, _ body: (Range<Int>) -> Void) {
    guard batch >= 2, work >= MatMulKernel.splitThreshold else { return body(0..<batch) }
    let half = batch / 2
    TwoCores.run { part in body(part == 0 ? 0..<half : half..<batch) }
}

extension HeadSlices {
    /// The forward pass of the batch items in `items`, every head: the weights
    /// (T×T per head) into w0, the outputs into O.
    func forward(_ items: Range<Int>, heads: Int, scale: Double, _ Q: UnsafeBufferPointer<Double>, _ K: UnsafeBufferPointer<Double>,
                 _ Vv: UnsafeBufferPointer<Double>, into O: UnsafeMutableBufferPointer<Double>, weights w0: UnsafeMutablePointer<Double>) {
        // Scratch: Q_h, Kᵀ_h, V_h, O_h.
        let s0 = UnsafeMutablePointer<Double>.allocate(capacity: 4 * t * dk)
        defer { s0.deallocate() }
        let qh = s0, kt = s0 + t * dk, vh = s0 + 2 * t * dk, oh = s0 + 3 * t * dk
        for b in items {
            for h in 0..<heads {
                let off = b * t * d + h * dk
                gather(Q, off, into: qh)
                gather(Vv, off, into: vh)
                for j in 0..<t { for c in 0..<dk { kt[c * t + j] = K[off + j * d + c] } }
                let wh = w0 + (b * heads + h) * t * t
                MatMulKernel.gemm(qh, kt, wh, m: t, k: dk, n: t)          // scores = Q Kᵀ
                for i in 0..<t {
                    let row = wh + i * t
                    var m = -Double.infinity
                    for j in 0...i { row[j] *= scale; if row[j] > m { m = row[j] } }   // ÷ √d_k
                    FastExp.exp(UnsafeBufferPointer(start: row, count: i + 1), minus: m,
                                into: UnsafeMutableBufferPointer(start: row, count: i + 1))
                    var sum = 0.0
                    for j in 0...i { sum += row[j] }
                    let inv = 1 / sum
                    for j in 0...i { row[j] *= inv }
                    for j in (i + 1)..<Swift.max(t, i + 1) { row[j] = 0 }   // the mask
                }
                MatMulKernel.gemm(wh, vh, oh, m: t, k: t, n: dk)          // out = weights V
                scatter(oh, into: O, off)
            }
        }
    }

    /// The pullback of the batch items in `items`, every head: ∂Q, ∂K, ∂V from G = ∂L/∂out and the weights.
    func backward(_ items: Range<Int>, heads: Int, scale: Double, _ G: UnsafeBufferPointer<Double>, _ Q: UnsafeBufferPointer<Double>,
                  _ K: UnsafeBufferPointer<Double>, _ Vv: UnsafeBufferPointer<Double>, weights w0: UnsafePointer<Double>,
                  _ DQ: UnsafeMutableBufferPointer<Double>, _ DK: UnsafeMutableBufferPointer<Double>, _ DV: UnsafeMutableBufferPointer<Double>) {
        let s0 = UnsafeMutablePointer<Double>.allocate(capacity: 5 * t * dk + 2 * t * t)
        defer { s0.deallocate() }
        let gh = s0, vt = s0 + t * dk, qh = s0 + 2 * t * dk, kh = s0 + 3 * t * dk, res = s0 + 4 * t * dk
        let dw = s0 + 5 * t * dk, ds = dw + t * t
        for b in items {
            for h in 0..<heads {
                let off = b * t * d + h * dk
                let wh = w0 + (b * heads + h) * t * t
                gather(G, off, into: gh)
                gather(Q, off, into: qh)
                gather(K, off, into: kh)
                for j in 0..<t { for c in 0..<dk { vt[c * t + j] = Vv[off + j * d + c] } }
                MatMulKernel.gemm(gh, vt, dw, m: t, k: dk, n: t)          // ∂w = G Vᵀ
                MatMulKernel.gemmTN(wh, gh, res, m: t, k: t, n: dk)       // ∂V = wᵀ G
                scatter(res, into: DV, off)
                for i in 0..<t {
                    var dot = 0.0
                    for j in 0...i { dot += wh[i * t + j] * dw[i * t + j] }
                    for j in 0..<t { ds[i * t + j] = j <= i ? wh[i * t + j] * (dw[i * t + j] - dot) * scale : 0 }
                }
                MatMulKernel.gemm(ds, kh, res, m: t, k: t, n: dk)         // ∂Q = ∂s K / √d_k
                scatter(res, into: DQ, off)
                MatMulKernel.gemmTN(ds, qh, res, m: t, k: t, n: dk)       // ∂K = ∂sᵀ Q / √d_k
                scatter(res, into: DK, off)
            }
        }
    }
}

extension Variable {
    /// Q, K, V are B×T×d (or T×d); the result has their shape. Also returns
    /// the attention weights, B×heads×T×T flattened (row i of head h of item b
    /// at ((b·heads + h)·T + i)·T).
    public static func causalAttention(queries q: Variable, keys k: Variable, values v: Variable,
                                       heads: Int) throws -> (output: Variable, weights: [Double]) {
        let shape = q.value.shape
        guard shape.count >= 2, k.value.shape == shape, v.value.shape == shape, heads >= 1, q.value.cols % heads == 0 else {
            throw EngineError.shape("attention: queries \(q.value.shapeDescription), keys \(k.value.shapeDescription) and values \(v.value.shapeDescription) must share one shape whose width divides into \(heads) heads")
        }
        let t = q.value.rows, d = q.value.cols, batch = q.value.count / Swift.max(t * d, 1)
        let dk = d / heads
        let scale = 1 / Double(dk).squareRoot()
        let hs = HeadSlices(t: t, d: d, dk: dk)
        var out = [Double](repeating: 0, count: q.value.count)
        var w = [Double](repeating: 0, count: batch * heads * t * t)
        q.value.data.withUnsafeBufferPointer { Q in
        k.value.data.withUnsafeBufferPointer { K in
        v.value.data.withUnsafeBufferPointer { Vv in
        out.withUnsafeMutableBufferPointer { O in
        w.withUnsafeMutableBufferPointer { W in
          guard let w0 = W.baseAddress else { return }
          splitBatch(batch, work: batch * heads * t * t * dk) { items in
            hs.forward(items, heads: heads, scale: scale, Q, K, Vv, into: O, weights: w0)
          }
        }}}}}
        let weights = w
        let (qv, kv, vv) = (q.value, k.value, v.value)
        let y = Variable(Tensor(unchecked: shape, data: out), parents: [q, k, v]) { g in
            var dq = [Double](repeating: 0, count: qv.count), dkk = dq, dv = dq
            g.data.withUnsafeBufferPointer { G in
            qv.data.withUnsafeBufferPointer { Q in
            kv.data.withUnsafeBufferPointer { K in
            vv.data.withUnsafeBufferPointer { Vv in
            weights.withUnsafeBufferPointer { W in
            dq.withUnsafeMutableBufferPointer { DQ in
            dkk.withUnsafeMutableBufferPointer { DK in
            dv.withUnsafeMutableBufferPointer { DV in
              guard let w0 = W.baseAddress else { return }
              splitBatch(batch, work: 4 * batch * heads * t * t * dk) { items in
                hs.backward(items, heads: heads, scale: scale, G, Q, K, Vv, weights: w0, DQ, DK, DV)
              }
            }}}}}}}}
            return [Tensor(unchecked: shape, data: dq), Tensor(unchecked: shape, data: dkk), Tensor(unchecked: shape, data: dv)]
        }
        return (y, weights)
    }
}
