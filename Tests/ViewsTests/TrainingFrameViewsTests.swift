import Engine
import Models
import Render
import Testing
import Views

@Suite struct TrainingFrameViewsTests {
    /// Before any step: the step alone, then the last logged distance named for the data.
    @Test func ganStatusNamesTheDistanceForItsData() throws {
        let oneD = try GAN(settings: GAN.Settings())   // two modes on a line
        #expect(TrainingFrameViews.ganStatus(oneD, lastDistance: nil) == "step 0")
        #expect(TrainingFrameViews.ganStatus(oneD, lastDistance: (step: 0, distance: 0.51234)) == "step 0 · W₁ to the data 0.512 (step 0)")
        var ring = GAN.Settings()
        ring.data = .ring
        ring.adoptDefaults()
        let twoD = try GAN(settings: ring)
        #expect(TrainingFrameViews.ganStatus(twoD, lastDistance: (step: 100, distance: 3)) == "step 0 · modes covered 3 of 8 (step 100)")
        _ = try twoD.step()
        let r = try #require(twoD.history.last)
        #expect(TrainingFrameViews.ganStatus(twoD, lastDistance: nil)
                == "step 1 · loss D \(NumberFormat.fixed(r.lossD, 3)) · loss G \(NumberFormat.fixed(r.lossG, 3))")
    }
}
