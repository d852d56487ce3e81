import Foundation
@testable import InterlinkStats

/// The NIST StRD nonlinear models, written from the model lines of the `.dat` files, with their
/// analytic gradients derived by hand (each derivative is written out beside its formula).
enum NISTModels {
    static func model(for dataset: String) -> FitModel? {
        switch dataset {
        case "Misra1a", "BoxBOD":
            // y = b1 (1 − exp(−b2 x)); ∂/∂b1 = 1 − e, ∂/∂b2 = b1 x e with e = exp(−b2 x).
            return FitModel(
                name: dataset, parameterNames: ["b1", "b2"],
                value: { x, b in b[0] * (1 - exp(-b[1] * x)) },
                gradient: { x, b in
                    let e = exp(-b[1] * x)
                    return [1 - e, b[0] * x * e]
                })
        case "Chwirut2":
            // y = exp(−b1 x) / (b2 + b3 x); ∂/∂b1 = −x y, ∂/∂b2 = −e/D², ∂/∂b3 = −x e/D².
            return FitModel(
                name: dataset, parameterNames: ["b1", "b2", "b3"],
                value: { x, b in exp(-b[0] * x) / (b[1] + b[2] * x) },
                gradient: { x, b in
                    let e = exp(-b[0] * x), d = b[1] + b[2] * x
                    return [-x * e / d, -e / (d * d), -x * e / (d * d)]
                })
        case "Thurber":
            // y = N/D, N = b1 + b2 x + b3 x² + b4 x³, D = 1 + b5 x + b6 x² + b7 x³;
            // ∂/∂b(1..4) = x^k / D, ∂/∂b(5..7) = −N x^k / D².
            return FitModel(
                name: dataset, parameterNames: (1...7).map { "b\($0)" },
                value: { x, b in
                    (b[0] + b[1] * x + b[2] * x * x + b[3] * x * x * x)
                        / (1 + b[4] * x + b[5] * x * x + b[6] * x * x * x)
                },
                gradient: { x, b in
                    let n = b[0] + b[1] * x + b[2] * x * x + b[3] * x * x * x
                    let d = 1 + b[4] * x + b[5] * x * x + b[6] * x * x * x
                    return [1 / d, x / d, x * x / d, x * x * x / d,
                            -n * x / (d * d), -n * x * x / (d * d), -n * x * x * x / (d * d)]
                })
        case "DanWood":
            // y = b1 x^b2; ∂/∂b1 = x^b2, ∂/∂b2 = b1 x^b2 ln x.
            return FitModel(
                name: dataset, parameterNames: ["b1", "b2"],
                value: { x, b in b[0] * pow(x, b[1]) },
                gradient: { x, b in [pow(x, b[1]), b[0] * pow(x, b[1]) * log(x)] })
        case "Eckerle4":
            // y = (b1/b2) g, g = exp(−u²/2), u = (x − b3)/b2;
            // ∂/∂b1 = g/b2, ∂/∂b2 = (b1/b2²) g (u² − 1), ∂/∂b3 = (b1/b2²) g u.
            return FitModel(
                name: dataset, parameterNames: ["b1", "b2", "b3"],
                value: { x, b in
                    let u = (x - b[2]) / b[1]
                    return b[0] / b[1] * exp(-0.5 * u * u)
                },
                gradient: { x, b in
                    let u = (x - b[2]) / b[1], g = exp(-0.5 * u * u)
                    return [g / b[1], b[0] / (b[1] * b[1]) * g * (u * u - 1), b[0] / (b[1] * b[1]) * g * u]
                })
        case "Rat43":
            // y = b1 B^(−1/b4), B = 1 + E, E = exp(b2 − b3 x);
            // ∂/∂b1 = B^(−1/b4), ∂/∂b2 = −(b1/b4) E B^(−1/b4 − 1), ∂/∂b3 = (b1/b4) x E B^(−1/b4 − 1),
            // ∂/∂b4 = b1 B^(−1/b4) ln B / b4².
            return FitModel(
                name: dataset, parameterNames: ["b1", "b2", "b3", "b4"],
                value: { x, b in b[0] / pow(1 + exp(b[1] - b[2] * x), 1 / b[3]) },
                gradient: { x, b in
                    let e = exp(b[1] - b[2] * x), big = 1 + e
                    let p = pow(big, -1 / b[3]), p1 = pow(big, -1 / b[3] - 1)
                    return [p, -b[0] / b[3] * e * p1, b[0] / b[3] * x * e * p1,
                            b[0] * p * log(big) / (b[3] * b[3])]
                })
        case "MGH09":
            // y = b1 N/D, N = x² + b2 x, D = x² + b3 x + b4;
            // ∂/∂b1 = N/D, ∂/∂b2 = b1 x/D, ∂/∂b3 = −b1 N x/D², ∂/∂b4 = −b1 N/D².
            return FitModel(
                name: dataset, parameterNames: ["b1", "b2", "b3", "b4"],
                value: { x, b in b[0] * (x * x + x * b[1]) / (x * x + x * b[2] + b[3]) },
                gradient: { x, b in
                    let n = x * x + x * b[1], d = x * x + x * b[2] + b[3]
                    return [n / d, b[0] * x / d, -b[0] * n * x / (d * d), -b[0] * n / (d * d)]
                })
        default:
            return nil
        }
    }
}
