;; ==== inference:s_safe
; safecase 0.1.0 obligation inference:s_safe of case atoms (src/test/resources/golden/prover/atoms.case:17:1)
; expected answers: proved = sat, unsat; refuted = sat, sat; vacuous = unsat, unsat
; two check-sat commands: run cvc5 with --incremental
(set-logic ALL)
(declare-const |honest| Bool)
(declare-const |converged| Bool)
(declare-const |safe| Bool)
; premise warrant
(assert (=> (and |honest| |converged|) |safe|))
; premise honest
(assert |honest|)
; premise converged
(assert |converged|)
(check-sat)
; negated goal
(assert (not |safe|))
(check-sat)
;; ==== inference:converged
; safecase 0.1.0 obligation inference:converged of case atoms (src/test/resources/golden/prover/atoms.case:20:1)
; expected answers: proved = sat, unsat; refuted = sat, sat; vacuous = unsat, unsat
; two check-sat commands: run cvc5 with --incremental
(set-logic ALL)
(declare-const |honest| Bool)
(declare-const |converged| Bool)
(declare-const |safe| Bool)
(declare-const |paper_claim| Bool)
; premise warrant
(assert (=> (and |honest| |converged|) |safe|))
; premise paper_claim
(assert |paper_claim|)
(check-sat)
; negated goal
(assert (not |converged|))
(check-sat)
;; ==== inference:half
; safecase 0.1.0 obligation inference:half of case atoms (src/test/resources/golden/prover/atoms.case:29:1)
; expected answers: proved = sat, unsat; refuted = sat, sat; vacuous = unsat, unsat
; two check-sat commands: run cvc5 with --incremental
(set-logic ALL)
(declare-const |honest| Bool)
(declare-const |converged| Bool)
(declare-const |half| Bool)
; premise half_warrant
(assert (=> (and |honest| |converged|) |half|))
; premise honest
(assert |honest|)
(check-sat)
; negated goal
(assert (not |half|))
(check-sat)
;; ==== consistency:atoms
; safecase 0.1.0 obligation consistency:atoms of case atoms (src/test/resources/golden/prover/atoms.case:2:1)
; expected answers: proved = sat, unsat; refuted = sat, sat; vacuous = unsat
(set-logic ALL)
(declare-const |honest| Bool)
(declare-const |converged| Bool)
(declare-const |safe| Bool)
(declare-const |half| Bool)
; premise warrant
(assert (=> (and |honest| |converged|) |safe|))
; premise half_warrant
(assert (=> (and |honest| |converged|) |half|))
(check-sat)
